package dev.towerline.server.adb.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses what {@code getprop} and {@code dumpsys battery} print. */
public final class ShellOutputParsers {

  private static final Pattern PROPERTY_START = Pattern.compile("^\\[([^\\]]+)\\]: \\[(.*)$");
  private static final Pattern BATTERY_LEVEL = Pattern.compile("^\\s*level:\\s*(\\d+)\\s*$");

  private ShellOutputParsers() {}

  /**
   * {@code [key]: [value]} lines; a value may span lines (it ends at the line ending in {@code ]}).
   */
  public static Map<String, String> properties(String output) {
    Map<String, String> properties = new LinkedHashMap<>();
    String key = null;
    StringBuilder value = new StringBuilder();
    for (String raw : output.split("\n", -1)) {
      String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
      if (key == null) {
        Matcher start = PROPERTY_START.matcher(line);
        if (!start.matches()) {
          continue;
        }
        key = start.group(1);
        value.setLength(0);
        line = start.group(2);
      } else {
        value.append('\n');
      }
      if (line.endsWith("]")) {
        value.append(line, 0, line.length() - 1);
        properties.put(key, value.toString());
        key = null;
      } else {
        value.append(line);
      }
    }
    return properties;
  }

  /** The {@code level:} line of {@code dumpsys battery}; empty when there is none. */
  public static OptionalInt batteryLevel(String output) {
    for (String line : output.split("\r?\n")) {
      Matcher level = BATTERY_LEVEL.matcher(line);
      if (level.matches() && level.group(1).length() <= 3) {
        return OptionalInt.of(Integer.parseInt(level.group(1)));
      }
    }
    return OptionalInt.empty();
  }
}
