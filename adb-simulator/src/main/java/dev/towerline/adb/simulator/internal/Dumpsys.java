package dev.towerline.adb.simulator.internal;

import dev.towerline.adb.simulator.ShellSession;
import java.io.IOException;
import java.util.List;

/** {@code dumpsys}: only the battery service, in the layout of Android's BatteryService. */
final class Dumpsys {
  private static final int STATUS_CHARGING = 2;
  private static final int STATUS_FULL = 5;
  private static final int HEALTH_GOOD = 2;

  private Dumpsys() {}

  static int run(ShellSession session, List<String> args) throws IOException {
    if (args.isEmpty()) {
      session.err("dumpsys: only 'dumpsys battery' is simulated\n");
      return 1;
    }
    if (!args.get(0).equals("battery")) {
      session.err("Can't find service: " + args.get(0) + "\n");
      return 0;
    }
    session.out(battery(session.device().batteryLevel()));
    return 0;
  }

  static String battery(int level) {
    // A lab device sits on USB power: charging until full.
    int status = level >= 100 ? STATUS_FULL : STATUS_CHARGING;
    return "Current Battery Service state:\n"
        + "  AC powered: false\n"
        + "  USB powered: true\n"
        + "  Wireless powered: false\n"
        + "  Max charging current: 500000\n"
        + "  Max charging voltage: 5000000\n"
        + "  Charge counter: " + (level * 30_000) + "\n"
        + "  status: " + status + "\n"
        + "  health: " + HEALTH_GOOD + "\n"
        + "  present: true\n"
        + "  level: " + level + "\n"
        + "  scale: 100\n"
        + "  voltage: " + (3600 + level * 7) + "\n"
        + "  temperature: 250\n"
        + "  technology: Li-ion\n";
  }
}
