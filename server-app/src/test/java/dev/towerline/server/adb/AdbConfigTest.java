package dev.towerline.server.adb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdbConfigTest {

  @Test
  void defaultsTalkToTheLocalAdbServerWithThreeTriesAndThirtySecondCooldowns() {
    AdbConfig config = AdbConfig.ofDefaults();

    assertThat(config.adbServer()).isEqualTo("127.0.0.1:5037").isEqualTo(
        AdbConfig.DEFAULT_ADB_SERVER);
    assertThat(config.retryAttempts()).isEqualTo(3);
    assertThat(config.breakerFailures()).isEqualTo(3);
    assertThat(config.breakerCooldown()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.callTimeout()).isEqualTo(Duration.ofMillis(5_000));
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofMillis(1_000));
    assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.simulatorDevices()).isEmpty();
    assertThat(config.deviceLabels()).isEmpty();
  }

  @Test
  void emptyOrBlankEnvironmentGivesDefaults() {
    assertThat(AdbConfig.fromEnvironment(Map.of())).isEqualTo(AdbConfig.ofDefaults());
    assertThat(AdbConfig.fromEnvironment(Map.of("ADB_SERVER", " ", "ADB_SIMULATOR", "")))
        .isEqualTo(AdbConfig.ofDefaults());
  }

  @Test
  void readsEveryVariable() {
    AdbConfig config = AdbConfig.fromEnvironment(Map.of(
        "ADB_SERVER", "rack-7.lab:5038",
        "ADB_RETRY_ATTEMPTS", "5",
        "ADB_BREAKER_FAILURES", "4",
        "ADB_BREAKER_COOLDOWN_SECONDS", "60",
        "ADB_CALL_TIMEOUT_MS", "2500",
        "ADB_CONNECT_TIMEOUT_MS", "250",
        "ADB_POLL_INTERVAL_SECONDS", "10",
        "ADB_SIMULATOR", "7",
        "DEVICE_LABELS", "emulator-5554=rack-a,nightly; R58M123ABC=rack-b"));

    assertThat(config.adbHost()).isEqualTo("rack-7.lab");
    assertThat(config.adbPort()).isEqualTo(5038);
    assertThat(config.retryAttempts()).isEqualTo(5);
    assertThat(config.breakerFailures()).isEqualTo(4);
    assertThat(config.breakerCooldown()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.callTimeout()).isEqualTo(Duration.ofMillis(2500));
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofMillis(250));
    assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.simulatorDevices()).isEqualTo(OptionalInt.of(7));
    assertThat(config.labelsOf("emulator-5554")).containsExactly("rack-a", "nightly");
    assertThat(config.labelsOf("R58M123ABC")).containsExactly("rack-b");
    assertThat(config.labelsOf("other")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"demo,12", "on,12", "DEMO,12", "0,0", "50,50"})
  void simulatorIsTurnedOnByDemoOrADeviceCount(String value, int devices) {
    assertThat(AdbConfig.fromEnvironment(Map.of("ADB_SIMULATOR", value)).simulatorDevices())
        .isEqualTo(OptionalInt.of(devices));
  }

  @Test
  void simulatorIsOffWhenSaidSo() {
    assertThat(AdbConfig.fromEnvironment(Map.of("ADB_SIMULATOR", "off")).simulatorDevices())
        .isEmpty();
  }

  @Test
  void acceptsBracketedIpv6Servers() {
    AdbConfig config = AdbConfig.fromEnvironment(Map.of("ADB_SERVER", "[::1]:5037"));

    assertThat(config.adbHost()).isEqualTo("::1");
    assertThat(config.adbServer()).isEqualTo("[::1]:5037");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ADB_SERVER|localhost|ADB_SERVER must be host:port, e.g. 127.0.0.1:5037: localhost",
      "ADB_SERVER|host:99999|ADB_SERVER port must be 1..65535: 99999",
      "ADB_SERVER|host:http|ADB_SERVER must end in a port 1..65535: host:http",
      "ADB_RETRY_ATTEMPTS|0|ADB_RETRY_ATTEMPTS must be 1..10: 0",
      "ADB_RETRY_ATTEMPTS|three|ADB_RETRY_ATTEMPTS must be a whole number: three",
      "ADB_BREAKER_FAILURES|101|ADB_BREAKER_FAILURES must be 1..100: 101",
      "ADB_BREAKER_COOLDOWN_SECONDS|0|ADB_BREAKER_COOLDOWN_SECONDS must be 1..3600 seconds: 0",
      "ADB_CALL_TIMEOUT_MS|-5|ADB_CALL_TIMEOUT_MS must be 1..600000 milliseconds: -5",
      "ADB_CONNECT_TIMEOUT_MS|1e3|ADB_CONNECT_TIMEOUT_MS must be a whole number: 1e3",
      "ADB_POLL_INTERVAL_SECONDS|7200|ADB_POLL_INTERVAL_SECONDS must be 1..3600 seconds: 7200",
      "ADB_SIMULATOR|banana|ADB_SIMULATOR must be off, demo or a device count 0..500: banana",
      "ADB_SIMULATOR|501|ADB_SIMULATOR device count must be 0..500: 501",
      "DEVICE_LABELS|rack-a|DEVICE_LABELS entries must be serial=label[,label...]: 'rack-a'"})
  void invalidValuesAreNamedInTheMessage(String variable, String value, String message) {
    assertThatThrownBy(() -> AdbConfig.fromEnvironment(Map.of(variable, value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void builderValidatesDurationsAndBackoffs() {
    assertThatThrownBy(() -> AdbConfig.custom().callTimeout(Duration.ZERO))
        .hasMessage("ADB_CALL_TIMEOUT_MS must be positive and at most PT10M: PT0S");
    assertThatThrownBy(() -> AdbConfig.custom()
        .retryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessage("retryBackoff initial must not exceed max: PT2S > PT1S");
  }

  @Test
  void toBuilderKeepsEverything() {
    AdbConfig config = AdbConfig.custom().adbServer("10.0.0.5:5037").retryAttempts(2)
        .simulator(3).deviceLabels(Map.of("x", List.of("a"))).build();

    assertThat(config.toBuilder().build()).isEqualTo(config);
  }
}
