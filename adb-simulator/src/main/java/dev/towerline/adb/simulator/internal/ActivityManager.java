package dev.towerline.adb.simulator.internal;

import dev.towerline.adb.simulator.ShellSession;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code am instrument [-w] [-r] [-e KEY VALUE]... PACKAGE/RUNNER}: runs the simulated tests of
 * an {@link InstalledPackages.Instrumentation}, all passing, and reports them the way
 * AndroidJUnitRunner does: a JUnit summary, or {@code INSTRUMENTATION_STATUS} lines with
 * {@code -r}.
 */
final class ActivityManager {
  /** How long each simulated test takes; sleeps stop when the execution is cancelled. */
  private static final Duration TEST_DURATION = Duration.ofMillis(20);

  private ActivityManager() {}

  static int run(ShellSession session, List<String> args) throws IOException {
    if (args.isEmpty() || !args.get(0).equals("instrument")) {
      session.err("am: only 'am instrument [-w] [-r] [-e KEY VALUE] PACKAGE/RUNNER'"
          + " is simulated\n");
      return 1;
    }
    boolean raw = false;
    String component = null;
    List<String> rest = args.subList(1, args.size());
    for (int i = 0; i < rest.size(); i++) {
      String arg = rest.get(i);
      switch (arg) {
        case "-w", "--no-window-animation", "--no-hidden-api-checks" -> { }
        case "-r" -> raw = true;
        case "-e" -> i += 2;
        default -> {
          if (arg.startsWith("-")) {
            session.err("Error: Unknown option: " + arg + "\n");
            return 1;
          }
          component = arg;
        }
      }
    }
    if (component == null) {
      session.err("Error: No instrumentation component given\n");
      return 1;
    }
    Optional<InstalledPackages.Instrumentation> found =
        InstalledPackages.instrumentation(component);
    if (found.isEmpty()) {
      return notFound(session, component);
    }
    return raw ? runRaw(session, found.get()) : runSummary(session, found.get());
  }

  private static int runSummary(ShellSession session, InstalledPackages.Instrumentation inst)
      throws IOException {
    session.out(inst.testClass() + ":");
    for (int i = 0; i < inst.tests().size(); i++) {
      session.sleep(TEST_DURATION);
      session.out(".");
    }
    session.out("\n\nTime: " + seconds(inst) + "\n\nOK (" + inst.tests().size() + " tests)\n\n\n");
    return 0;
  }

  private static int runRaw(ShellSession session, InstalledPackages.Instrumentation inst)
      throws IOException {
    int total = inst.tests().size();
    for (int i = 0; i < total; i++) {
      String header = status("class", inst.testClass()) + status("current", i + 1)
          + status("id", "AndroidJUnitRunner") + status("numtests", total)
          + status("stream", "") + status("test", inst.tests().get(i));
      session.out(header + "INSTRUMENTATION_STATUS_CODE: 1\n");
      session.sleep(TEST_DURATION);
      session.out(header + "INSTRUMENTATION_STATUS_CODE: 0\n");
    }
    session.out("INSTRUMENTATION_RESULT: stream=\n\nTime: " + seconds(inst) + "\n\nOK ("
        + total + " tests)\n\n\nINSTRUMENTATION_CODE: -1\n");
    return 0;
  }

  private static String status(String key, Object value) {
    return "INSTRUMENTATION_STATUS: " + key + "=" + value + "\n";
  }

  private static String seconds(InstalledPackages.Instrumentation inst) {
    return String.format(Locale.ROOT, "%.3f",
        inst.tests().size() * TEST_DURATION.toMillis() / 1000.0);
  }

  /** What {@code am} prints for an instrumentation that is not installed. */
  private static int notFound(ShellSession session, String component) throws IOException {
    String info = "ComponentInfo{" + component + "}";
    session.out("INSTRUMENTATION_STATUS: Error=Unable to find instrumentation info for: "
        + info + "\nINSTRUMENTATION_STATUS_CODE: -1\n");
    session.err("android.util.AndroidException: INSTRUMENTATION_FAILED: " + component + "\n");
    return 1;
  }
}
