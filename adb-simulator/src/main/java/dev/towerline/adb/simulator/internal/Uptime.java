package dev.towerline.adb.simulator.internal;

import dev.towerline.adb.simulator.ShellSession;
import java.io.IOException;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Toybox {@code uptime}: the time, how long the device has been up (from its serial), users, load. */
final class Uptime {
  private static final int MINUTES_PER_DAY = 24 * 60;

  private Uptime() {}

  static int run(ShellSession session, List<String> args) throws IOException {
    String now = LocalTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("HH:mm:ss"));
    int upMinutes = Math.floorMod(session.device().serial().hashCode(), 9 * MINUTES_PER_DAY) + 7;
    int days = upMinutes / MINUTES_PER_DAY;
    int hours = upMinutes % MINUTES_PER_DAY / 60;
    int minutes = upMinutes % 60;
    session.out(String.format(Locale.ROOT,
        " %s up %d day%s, %2d:%02d,  0 users,  load average: 0.52, 0.58, 0.59\n",
        now, days, days == 1 ? "" : "s", hours, minutes));
    return 0;
  }
}
