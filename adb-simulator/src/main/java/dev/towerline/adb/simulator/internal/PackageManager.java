package dev.towerline.adb.simulator.internal;

import dev.towerline.adb.simulator.ShellSession;
import java.io.IOException;
import java.util.List;

/**
 * {@code pm list packages [-f] [-s|-3] [FILTER]} and {@code pm path PACKAGE}, printing what
 * Android's package manager prints for the packages of {@link InstalledPackages}.
 */
final class PackageManager {
  private PackageManager() {}

  static int run(ShellSession session, List<String> args) throws IOException {
    if (args.size() >= 2 && args.get(0).equals("list") && args.get(1).equals("packages")) {
      return listPackages(session, args.subList(2, args.size()));
    }
    if (args.size() == 2 && args.get(0).equals("path")) {
      return path(session, args.get(1));
    }
    session.err("pm: only 'pm list packages [-f] [-s|-3] [FILTER]' and 'pm path PACKAGE'"
        + " are simulated\n");
    return 1;
  }

  private static int listPackages(ShellSession session, List<String> args) throws IOException {
    boolean showPath = false;
    Boolean system = null;
    String filter = "";
    for (String arg : args) {
      switch (arg) {
        case "-f" -> showPath = true;
        case "-s" -> system = Boolean.TRUE;
        case "-3" -> system = Boolean.FALSE;
        default -> {
          if (arg.startsWith("-")) {
            session.err("Error: Unknown option: " + arg + "\n");
            return 255;
          }
          filter = arg;
        }
      }
    }
    StringBuilder out = new StringBuilder();
    for (InstalledPackages.Package pkg : InstalledPackages.ALL) {
      if ((system == null || system == pkg.system()) && pkg.name().contains(filter)) {
        out.append("package:").append(showPath ? pkg.apkPath() + "=" : "")
            .append(pkg.name()).append('\n');
      }
    }
    session.out(out.toString());
    return 0;
  }

  private static int path(ShellSession session, String name) throws IOException {
    for (InstalledPackages.Package pkg : InstalledPackages.ALL) {
      if (pkg.name().equals(name)) {
        session.out("package:" + pkg.apkPath() + "\n");
        return 0;
      }
    }
    return 1;
  }
}
