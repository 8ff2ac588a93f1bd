package dev.towerline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.server.logging.SecretRedaction;
import dev.towerline.server.testing.TestTokens;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretRedactionTest {
  private static final String TOKEN = TestTokens.newToken();

  @Test
  void credentialsAreReplacedWhereverTheyAppear() {
    assertThat(SecretRedaction.redact("Authorization: Bearer " + TOKEN)).isEqualTo("Authorization: [redacted]");
    assertThat(SecretRedaction.redact("{\"authorization\":\"Basic dXNlcjpwYXNz\"}")).isEqualTo("{\"authorization\":\"[redacted]\"}");
    assertThat(SecretRedaction.redact("sent bearer abc.def-ghi= then")).isEqualTo("sent bearer [redacted] then");
    assertThat(SecretRedaction.redact("GET /api/v1/ws/devices?since=3&access_token=s3cr3t&x=1"))
        .isEqualTo("GET /api/v1/ws/devices?since=3&access_token=[redacted]&x=1");
    assertThat(SecretRedaction.redact("GET /api/v1/ws/devices?ticket=ft_abc")).isEqualTo("GET /api/v1/ws/devices?ticket=[redacted]");
    assertThat(SecretRedaction.redact("{\"access_token\": \"s3cr3t\"}")).isEqualTo("{\"access_token\": \"[redacted]\"}");
    assertThat(SecretRedaction.redact("path /api/v1/devices/" + TOKEN + " not found")).isEqualTo("path /api/v1/devices/tl_[redacted] not found");
  }

  @Test
  void credentialWordsAreFoundInAnyLetterCase() {
    assertThat(SecretRedaction.redact("sent BeArEr abc.def then")).isEqualTo("sent BeArEr [redacted] then");
    assertThat(SecretRedaction.redact("GET /x?Access_Token=s3cr3t")).isEqualTo("GET /x?Access_Token=[redacted]");
    assertThat(SecretRedaction.redact("AUTHORIZATION=Basic dXNlcjpwYXNz")).isEqualTo("AUTHORIZATION=[redacted]");
  }

  @Test
  void textWithoutCredentialsIsLeftAlone() {
    String line = "GET /api/v1/devices 200 3.2 ms actor=ci client=127.0.0.1";
    assertThat(SecretRedaction.redact(line)).isSameAs(line);
    for (String partial : List.of("a", "bea", "the bear", "ticke", "t", "f", "tl", "access_toke", "authorizatio")) {
      assertThat(SecretRedaction.redact(partial)).isSameAs(partial);
    }
  }
}
