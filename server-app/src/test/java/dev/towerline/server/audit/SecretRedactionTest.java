package dev.towerline.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.server.json.JsonMappers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretRedactionTest {

  @Test
  void replacesTheValuesOfFieldsNamedLikeSecrets() {
    var payload =
        JsonMappers.create()
            .valueToTree(
                Map.of(
                    "Authorization", "Bearer x",
                    "refresh_token", Map.of("value", "x"),
                    "dbPassword", 42,
                    "list", List.of(Map.of("client_secret", "x", "serial", "kept")),
                    "idempotency_key", "kept"));
    var redacted = SecretRedaction.redact(payload);
    assertThat(redacted.path("Authorization").asText()).isEqualTo("[redacted]");
    assertThat(redacted.path("refresh_token").asText()).isEqualTo("[redacted]");
    assertThat(redacted.path("dbPassword").asText()).isEqualTo("[redacted]");
    assertThat(redacted.path("list").get(0).path("client_secret").asText()).isEqualTo("[redacted]");
    assertThat(redacted.path("list").get(0).path("serial").asText()).isEqualTo("kept");
    assertThat(redacted.path("idempotency_key").asText()).isEqualTo("kept");
    assertThat(payload.path("dbPassword").asInt()).as("the input is not changed").isEqualTo(42);
  }

  @Test
  void replacesCredentialsWrittenIntoText() {
    assertThat(SecretRedaction.redactText("curl -H \"Authorization: Bearer abc.def\" http://x"))
        .isEqualTo("curl -H \"Authorization: Bearer [redacted]\" http://x");
    assertThat(SecretRedaction.redactText("curl -H 'authorization: basic dXNlcjpwdw==' x")).isEqualTo("curl -H 'authorization: basic [redacted]' x");
    assertThat(SecretRedaction.redactText("login --password hunter2 --user bob")).isEqualTo("login --password [redacted] --user bob");
    assertThat(SecretRedaction.redactText("run --api-key=k1 TOKEN=t1 db_password: p1")).isEqualTo("run --api-key=[redacted] TOKEN=[redacted] db_password: [redacted]");
    assertThat(SecretRedaction.redactText("git clone https://bob:pw@git.example/r.git")).isEqualTo("git clone https://bob:[redacted]@git.example/r.git");
    assertThat(SecretRedaction.redactText("am instrument -w -e class com.x.LoginTest com.x.test/Runner"))
        .as("ordinary commands stay as they are")
        .isEqualTo("am instrument -w -e class com.x.LoginTest com.x.test/Runner");
  }
}
