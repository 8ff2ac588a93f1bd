package dev.towerline.adb.simulator.internal;

import java.util.List;
import java.util.Optional;

/**
 * The packages every virtual device has: a handful of system packages, a demo app and its
 * instrumentation test package (the one the contract's {@code am instrument} example runs).
 */
final class InstalledPackages {
  record Package(String name, boolean system) {
    String apkPath() {
      return (system ? "/system/priv-app/" : "/data/app/") + name + "/base.apk";
    }
  }

  /** An instrumentation: the test package, its runner and the tests the runner reports. */
  record Instrumentation(String testPackage, String runner, String testClass, List<String> tests) {
    String component() {
      return testPackage + "/" + runner;
    }
  }

  static final List<Package> ALL = List.of(
      new Package("android", true),
      new Package("com.android.settings", true),
      new Package("com.android.shell", true),
      new Package("com.android.systemui", true),
      new Package("com.android.vending", true),
      new Package("com.google.android.gms", true),
      new Package("com.example.app", false),
      new Package("com.example.test", false));

  static final List<Instrumentation> INSTRUMENTATIONS = List.of(
      new Instrumentation("com.example.test", "androidx.test.runner.AndroidJUnitRunner",
          "com.example.app.MainActivityTest",
          List.of("launchesMainActivity", "showsGreeting", "opensSettings")));

  private InstalledPackages() {}

  /** The instrumentation named {@code package/runner}; a runner starting with '.' is relative. */
  static Optional<Instrumentation> instrumentation(String component) {
    int slash = component.indexOf('/');
    if (slash <= 0) {
      return Optional.empty();
    }
    String pkg = component.substring(0, slash);
    String runner = component.substring(slash + 1);
    String fullRunner = runner.startsWith(".") ? pkg + runner : runner;
    return INSTRUMENTATIONS.stream()
        .filter(i -> i.testPackage().equals(pkg) && i.runner().equals(fullRunner))
        .findFirst();
  }
}
