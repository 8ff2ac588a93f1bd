package dev.towerline.server.executions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.error.ApiException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CreateRequestsTest {
  @Test
  void appliesTheDefaultTimeoutAndFingerprintsTheResult() {
    NewExecution implicit = CreateRequests.validate(true, "dev", "id", null);
    NewExecution explicit = CreateRequests.validate(true, "dev", "id", 300);

    assertThat(implicit.timeoutSeconds()).isEqualTo(300);
    assertThat(implicit.fingerprint()).isEqualTo(explicit.fingerprint());
    assertThat(CreateRequests.validate(true, "dev", "id", 60).fingerprint()).isNotEqualTo(explicit.fingerprint());
  }

  @Test
  @SuppressWarnings("unchecked")
  void namesEveryViolatedField() {
    assertThatThrownBy(() -> CreateRequests.validate(true, null, "", 0))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
          List<Map<String, Object>> violations = (List<Map<String, Object>>) e.details().get("violations");
          assertThat(violations).extracting(v -> v.get("field")).containsExactly("device_serial", "command", "timeout_seconds");
        });
    assertThatThrownBy(() -> CreateRequests.validate(true, "dev", "x".repeat(4097), 86_401))
        .isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> CreateRequests.validate(false, null, null, null)).isInstanceOf(ApiException.class);
  }

  @Test
  void acceptsOnlyVisibleAsciiKeysOfUpTo255Characters() {
    assertThat(CreateRequests.idempotencyKey(null)).isEmpty();
    assertThat(CreateRequests.idempotencyKey("a".repeat(255))).isPresent();
    for (String bad : new String[] {"", "a".repeat(256), "with space", "tab\t", "clé"}) {
      assertThatThrownBy(() -> CreateRequests.idempotencyKey(bad))
          .as(bad)
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER));
    }
  }
}
