package dev.towerline.adb.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code adb} client (Debian's package, adb 29) against the simulator. Never
 * skipped: without adb on the PATH every test here fails and says how to install it.
 */
class RealAdbClientTest {
  private static final long ADB_TIMEOUT_SECONDS = 20;
  private static Path adb;

  private AdbSimulator sim;
  @TempDir Path tmp;

  @BeforeAll
  static void findAdb() {
    adb = onPath("adb");
    if (adb == null) {
      fail("The real 'adb' client is not on the PATH, so the simulator cannot be checked against"
          + " it. Install Debian's adb package: apt-get update && apt-get install -y adb"
          + " (CI installs it).");
    }
  }

  @BeforeEach
  void startSimulator() throws IOException {
    sim = AdbSimulator.builder()
        .device(VirtualDevice.builder("emulator-5554").model("Pixel 7").build())
        .device(VirtualDevice.builder("4d00e4a0").model("GT-I9300").shellV2(false).build())
        .build()
        .start();
  }

  @AfterEach
  void stopSimulator() {
    sim.close();
  }

  @Test
  void listsDevicesForAdbDevices() throws Exception {
    sim.setState("4d00e4a0", DeviceState.OFFLINE);

    AdbRun run = adb("devices");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stdout()).isEqualTo(
        "List of devices attached\nemulator-5554\tdevice\n4d00e4a0\toffline\n\n");
  }

  @Test
  void listsDevicesLongForAdbDevicesL() throws Exception {
    AdbRun run = adb("devices", "-l");

    assertThat(run.stdout()).contains(
        "emulator-5554          device product:panther model:Pixel_7 device:panther"
            + " transport_id:1");
  }

  @Test
  void runsShellEchoOnTheChosenDevice() throws Exception {
    AdbRun run = adb("-s", "emulator-5554", "shell", "echo", "hello");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stdout()).isEqualTo("hello\n");
  }

  @Test
  void passesTheShellExitCodeThroughShellV2() throws Exception {
    AdbRun run = adb("-s", "emulator-5554", "shell", "echo out; echo oops >&2 2>/dev/null; exit 3");
    AdbRun exit = adb("-s", "emulator-5554", "shell", "getprop ro.product.model; exit 3");

    assertThat(run.stderr()).contains("redirections ('>') not supported");
    assertThat(exit.stdout()).isEqualTo("Pixel 7\n");
    assertThat(exit.exitCode()).as(exit.toString()).isEqualTo(3);
  }

  @Test
  void usesTheOnlyDeviceWithoutDashS() throws Exception {
    sim.removeDevice("4d00e4a0");

    AdbRun run = adb("shell", "echo", "hello");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stdout()).isEqualTo("hello\n");
  }

  @Test
  void fallsBackToTheLegacyShellWhereShellV2IsNotAdvertised() throws Exception {
    AdbRun run = adb("-s", "4d00e4a0", "shell", "false; echo \"__TL_EXIT__$?\"");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stdout()).isEqualTo("__TL_EXIT__1\n");
  }

  @Test
  void reportsServerErrorsTheWayAdbPrintsThem() throws Exception {
    sim.faults().takeOffline("emulator-5554");

    AdbRun missing = adb("-s", "nope", "shell", "echo", "hi");
    AdbRun offline = adb("-s", "emulator-5554", "shell", "echo", "hi");
    AdbRun ambiguous = adb("shell", "echo", "hi");

    assertThat(missing.stderr()).contains("error: device 'nope' not found");
    assertThat(missing.exitCode()).isNotZero();
    assertThat(offline.stderr()).contains("error: device offline");
    assertThat(ambiguous.stderr()).contains("error: more than one device/emulator");
  }

  @Test
  void answersGetState() throws Exception {
    sim.faults().revokeAuthorization("4d00e4a0");

    assertThat(adb("-s", "emulator-5554", "get-state").stdout()).isEqualTo("device\n");
    assertThat(adb("-s", "4d00e4a0", "get-state").stdout()).isEqualTo("unauthorized\n");
  }

  private AdbRun adb(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(
        List.of(adb.toString(), "-H", "127.0.0.1", "-P", Integer.toString(sim.port())));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(tmp, "adb", ".out");
    Path err = Files.createTempFile(tmp, "adb", ".err");
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(out.toFile())
        .redirectError(err.toFile());
    // The environment must not steer adb to another server or device.
    builder.environment().keySet().removeIf(
        name -> name.startsWith("ADB_") || name.startsWith("ANDROID_"));
    Process process = builder.start();
    if (!process.waitFor(ADB_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("adb " + String.join(" ", args) + " did not finish in " + ADB_TIMEOUT_SECONDS + " s");
    }
    return new AdbRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static Path onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private record AdbRun(int exitCode, String stdout, String stderr) {}
}
