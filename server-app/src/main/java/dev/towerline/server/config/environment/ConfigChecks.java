package dev.towerline.server.config.environment;

/**
 * Range checks for configuration values, shared so that every setting out of range is refused in
 * the same words: the setting (usually its environment variable), the range and the value.
 */
public final class ConfigChecks {

  private ConfigChecks() {}

  /**
   * @throws IllegalArgumentException "{@code NAME must be MIN..MAX: value}" when {@code value} is
   *     outside {@code min..max}
   */
  public static void checkRange(String name, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be " + min + ".." + max + ": " + value);
    }
  }

  /**
   * @throws IllegalArgumentException "{@code NAME must be MIN..MAX UNIT: value}", e.g. {@code
   *     "... must be 1..3600 seconds: 0"}, when {@code value} is outside {@code min..max}
   */
  public static void checkRange(String name, long value, long min, long max, String unit) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be " + min + ".." + max + " " + unit + ": " + value);
    }
  }
}
