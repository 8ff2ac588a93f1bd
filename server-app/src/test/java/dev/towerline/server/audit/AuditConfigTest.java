package dev.towerline.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditConfigTest {

  @Test
  void retentionIsConfiguredInDaysWithinARange() {
    assertThat(AuditConfig.fromEnvironment(Map.of()).retentionDays()).isEqualTo(365);
    assertThat(AuditConfig.fromEnvironment(Map.of("AUDIT_RETENTION_DAYS", "30")).retentionDays()).isEqualTo(30);
    assertThatThrownBy(() -> AuditConfig.fromEnvironment(Map.of("AUDIT_RETENTION_DAYS", "0")))
        .hasMessage("AUDIT_RETENTION_DAYS must be 1..36500 days: 0");
    assertThatThrownBy(() -> AuditConfig.fromEnvironment(Map.of("AUDIT_RETENTION_DAYS", "a year")))
        .hasMessage("AUDIT_RETENTION_DAYS must be a whole number: a year");
  }
}
