package dev.towerline.server.adb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdbRetryRuleTest {

  @Test
  void retriesAnUnreachableServerAndADroppedService() {
    assertThat(AdbRetryRule.isRetryable(new AdbServerUnavailableException("h:1", "down",
        "version", null, null))).isTrue();
    assertThat(AdbRetryRule.isRetryable(new AdbCommandFailedException("closed", "shell", "s",
        true, false, null))).isTrue();
  }

  @Test
  void neverRetriesRefusalsTimeoutsUnknownDevicesOrStartedCommands() {
    assertThat(AdbRetryRule.isRetryable(new AdbCircuitOpenException("open", "device:s", "shell",
        "s", Duration.ofSeconds(3)))).isFalse();
    assertThat(AdbRetryRule.isRetryable(new AdbTimeoutException("slow", "shell", "s",
        Duration.ofSeconds(1)))).isFalse();
    assertThat(AdbRetryRule.isRetryable(new AdbDeviceNotFoundException("s", "shell"))).isFalse();
    assertThat(AdbRetryRule.isRetryable(new AdbCommandFailedException("lost", "shell", "s",
        true, true, null))).isFalse();
    assertThat(AdbRetryRule.isRetryable(new AdbCommandFailedException("device offline",
        "shell", "s", false, false, null))).isFalse();
    assertThat(AdbRetryRule.isRetryable(new IllegalStateException("bug"))).isFalse();
  }
}
