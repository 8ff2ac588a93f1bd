package dev.towerline.adb.simulator.internal;

import dev.towerline.adb.simulator.ShellCommand;
import dev.towerline.adb.simulator.ShellSession;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The commands every virtual device knows, answering in the format Android prints. */
final class BuiltinCommands {
  private BuiltinCommands() {}

  static Map<String, ShellCommand> all() {
    return Map.of(
        "echo", BuiltinCommands::echo,
        "true", (session, args) -> 0,
        "false", (session, args) -> 1,
        "getprop", BuiltinCommands::getprop,
        "sleep", BuiltinCommands::sleep,
        "dumpsys", Dumpsys::run,
        "pm", PackageManager::run,
        "am", ActivityManager::run,
        "uptime", Uptime::run);
  }

  static int echo(ShellSession session, List<String> args) throws IOException {
    boolean newline = args.isEmpty() || !args.get(0).equals("-n");
    List<String> words = newline ? args : args.subList(1, args.size());
    session.out(String.join(" ", words) + (newline ? "\n" : ""));
    return 0;
  }

  /** {@code getprop} lists {@code [key]: [value]} lines; with a key, prints just the value. */
  static int getprop(ShellSession session, List<String> args) throws IOException {
    Map<String, String> props = session.device().properties();
    if (args.isEmpty()) {
      StringBuilder all = new StringBuilder();
      props.forEach((key, value) -> all.append('[').append(key).append("]: [")
          .append(value).append("]\n"));
      session.out(all.toString());
    } else {
      String fallback = args.size() > 1 ? args.get(1) : "";
      session.out(props.getOrDefault(args.get(0), fallback) + "\n");
    }
    return 0;
  }

  /** Toybox {@code sleep}: seconds, decimals allowed, optional s/m/h/d suffix. */
  static int sleep(ShellSession session, List<String> args) throws IOException {
    if (args.size() != 1) {
      session.err("sleep: Needs 1 argument\n");
      return 1;
    }
    Duration duration = parseSleep(args.get(0));
    if (duration == null) {
      session.err("sleep: Not a number '" + args.get(0) + "'\n");
      return 1;
    }
    session.sleep(duration);
    return 0;
  }

  /** Null when the argument is not a non-negative number of seconds. */
  static Duration parseSleep(String arg) {
    String number = arg;
    long unitSeconds = 1;
    int suffix = arg.isEmpty() ? -1 : "smhd".indexOf(arg.charAt(arg.length() - 1));
    if (suffix >= 0) {
      number = arg.substring(0, arg.length() - 1);
      unitSeconds = new long[] {1, 60, 3600, 86400}[suffix];
    }
    try {
      BigDecimal seconds = new BigDecimal(number).multiply(BigDecimal.valueOf(unitSeconds));
      if (seconds.signum() < 0) {
        return null;
      }
      return Duration.ofNanos(seconds.movePointRight(9).longValueExact());
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }
}
