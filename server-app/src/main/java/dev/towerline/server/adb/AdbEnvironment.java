package dev.towerline.server.adb;

import static dev.towerline.server.adb.AdbConfig.ADB_SERVER_VARIABLE;
import static dev.towerline.server.adb.AdbConfig.BREAKER_COOLDOWN_VARIABLE;
import static dev.towerline.server.adb.AdbConfig.BREAKER_FAILURES_VARIABLE;
import static dev.towerline.server.adb.AdbConfig.CALL_TIMEOUT_VARIABLE;
import static dev.towerline.server.adb.AdbConfig.CONNECT_TIMEOUT_VARIABLE;
import static dev.towerline.server.adb.AdbConfig.DEFAULT_SIMULATOR_DEVICES;
import static dev.towerline.server.adb.AdbConfig.DEVICE_LABELS_VARIABLE;
import static dev.towerline.server.adb.AdbConfig.MAX_INTERVAL;
import static dev.towerline.server.adb.AdbConfig.MAX_SIMULATOR_DEVICES;
import static dev.towerline.server.adb.AdbConfig.MAX_TIMEOUT;
import static dev.towerline.server.adb.AdbConfig.POLL_INTERVAL_VARIABLE;
import static dev.towerline.server.adb.AdbConfig.RETRY_ATTEMPTS_VARIABLE;
import static dev.towerline.server.adb.AdbConfig.SIMULATOR_VARIABLE;
import static dev.towerline.server.config.environment.ConfigChecks.checkRange;

import dev.towerline.server.config.environment.EnvironmentVariables;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an {@link AdbConfig} from the environment variables its class comment lists. Values are
 * parsed here and checked by {@link AdbConfig.Builder}, except seconds and milliseconds: those are
 * checked here, as the whole numbers the variables hold, so that the message shows the value as
 * it was written rather than as a {@link Duration}.
 */
final class AdbEnvironment {

  private final EnvironmentVariables variables;

  AdbEnvironment(Map<String, String> environment) {
    this.variables = EnvironmentVariables.of(environment);
  }

  AdbConfig read() {
    AdbConfig.Builder builder = AdbConfig.custom();
    variables.text(ADB_SERVER_VARIABLE).ifPresent(builder::adbServer);
    count(RETRY_ATTEMPTS_VARIABLE).ifPresent(builder::retryAttempts);
    count(BREAKER_FAILURES_VARIABLE).ifPresent(builder::breakerFailures);
    seconds(BREAKER_COOLDOWN_VARIABLE).ifPresent(builder::breakerCooldown);
    millis(CALL_TIMEOUT_VARIABLE).ifPresent(builder::callTimeout);
    millis(CONNECT_TIMEOUT_VARIABLE).ifPresent(builder::connectTimeout);
    seconds(POLL_INTERVAL_VARIABLE).ifPresent(builder::pollInterval);
    variables.text(SIMULATOR_VARIABLE).ifPresent(value -> simulator(builder, value));
    variables.text(DEVICE_LABELS_VARIABLE)
        .ifPresent(value -> builder.deviceLabels(DeviceLabels.parse(value)));
    return builder.build();
  }

  private Optional<Integer> count(String name) {
    return variables.wholeNumber(name).map(value -> {
      if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(name + " is out of range: " + value);
      }
      return value.intValue();
    });
  }

  private Optional<Duration> seconds(String name) {
    return variables.wholeNumber(name).map(value -> {
      checkRange(name, value, 1, MAX_INTERVAL.toSeconds(), "seconds");
      return Duration.ofSeconds(value);
    });
  }

  private Optional<Duration> millis(String name) {
    return variables.wholeNumber(name).map(value -> {
      checkRange(name, value, 1, MAX_TIMEOUT.toMillis(), "milliseconds");
      return Duration.ofMillis(value);
    });
  }

  private static void simulator(AdbConfig.Builder builder, String value) {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "off":
      case "false":
      case "no":
        builder.noSimulator();
        return;
      case "demo":
      case "on":
      case "true":
      case "yes":
        builder.simulator(DEFAULT_SIMULATOR_DEVICES);
        return;
      default:
        try {
          builder.simulator(Integer.parseInt(value));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              SIMULATOR_VARIABLE + " must be off, demo or a device count 0.."
                  + MAX_SIMULATOR_DEVICES + ": " + value, e);
        }
    }
  }
}
