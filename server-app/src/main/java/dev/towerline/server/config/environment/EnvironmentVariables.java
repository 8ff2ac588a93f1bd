package dev.towerline.server.config.environment;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads configuration from environment variables as every Towerline configuration does: a
 * variable that is absent or blank is unset (its setting keeps the default), a value is trimmed,
 * and a value that does not parse is refused with a message naming the variable and the value.
 */
public final class EnvironmentVariables {

  private final Map<String, String> environment;

  private EnvironmentVariables(Map<String, String> environment) {
    this.environment = environment;
  }

  /** The variables of {@code environment}, usually {@code System.getenv()}. */
  public static EnvironmentVariables of(Map<String, String> environment) {
    return new EnvironmentVariables(Objects.requireNonNull(environment, "environment"));
  }

  /** The trimmed value; empty when the variable is absent or blank. */
  public Optional<String> text(String name) {
    String value = environment.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  /**
   * The value as a whole number; empty when the variable is absent or blank.
   *
   * @throws IllegalArgumentException "{@code NAME must be a whole number: value}" when it is not
   *     one
   */
  public Optional<Long> wholeNumber(String name) {
    return text(name).map(value -> {
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " must be a whole number: " + value, e);
      }
    });
  }
}
