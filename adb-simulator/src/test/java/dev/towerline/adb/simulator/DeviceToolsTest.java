package dev.towerline.adb.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.adb.simulator.AdbTestClient.ShellResult;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Android tools the contract's and guides' examples call: pm, am instrument, uptime, getprop. */
class DeviceToolsTest {
  private static final String SERIAL = "R58M123ABC";

  private AdbSimulator sim;
  private int port;

  @BeforeEach
  void startSimulator() throws IOException {
    sim = AdbSimulator.builder()
        .device(VirtualDevice.builder(SERIAL).manufacturer("samsung").model("SM-S911B")
            .product("dm1qxxx").deviceName("dm1q").androidVersion("14").sdk(34).build())
        .build()
        .start();
    port = sim.port();
  }

  @AfterEach
  void stopSimulator() {
    sim.close();
  }

  @Test
  void pmListsPackagesOnePerLineAndFiltersThem() throws IOException {
    ShellResult all = AdbTestClient.shellV2(port, SERIAL, "pm list packages");
    ShellResult thirdParty = AdbTestClient.shellV2(port, SERIAL, "pm list packages -3");
    ShellResult filtered = AdbTestClient.shellV2(port, SERIAL, "pm list packages -f settings");

    assertThat(all.exitCode()).isZero();
    assertThat(all.stdout().lines()).allMatch(line -> line.startsWith("package:"))
        .contains("package:android", "package:com.example.app", "package:com.example.test");
    assertThat(thirdParty.stdout()).isEqualTo("package:com.example.app\npackage:com.example.test\n");
    assertThat(filtered.stdout())
        .isEqualTo("package:/system/priv-app/com.android.settings/base.apk=com.android.settings\n");
    assertThat(AdbTestClient.shellV2(port, SERIAL, "pm path com.example.app"))
        .isEqualTo(new ShellResult("package:/data/app/com.example.app/base.apk\n", "", 0));
    assertThat(AdbTestClient.shellV2(port, SERIAL, "pm path com.nope").exitCode()).isEqualTo(1);
  }

  @Test
  void amInstrumentRunsTheTestPackageAndPrintsTheJUnitSummary() throws IOException {
    ShellResult run = AdbTestClient.shellV2(port, SERIAL,
        "am instrument -w com.example.test/androidx.test.runner.AndroidJUnitRunner");

    assertThat(run.exitCode()).isZero();
    assertThat(run.stderr()).isEmpty();
    assertThat(run.stdout()).startsWith("com.example.app.MainActivityTest:...\n\nTime: ")
        .contains("OK (3 tests)");
  }

  @Test
  void amInstrumentRawReportsEachTestStartAndFinish() throws IOException {
    ShellResult run = AdbTestClient.shellV2(port, SERIAL,
        "am instrument -w -r -e debug false com.example.test/androidx.test.runner.AndroidJUnitRunner");

    assertThat(run.exitCode()).isZero();
    assertThat(run.stdout().lines().filter(l -> l.startsWith("INSTRUMENTATION_STATUS_CODE: ")))
        .containsExactly("INSTRUMENTATION_STATUS_CODE: 1", "INSTRUMENTATION_STATUS_CODE: 0",
            "INSTRUMENTATION_STATUS_CODE: 1", "INSTRUMENTATION_STATUS_CODE: 0",
            "INSTRUMENTATION_STATUS_CODE: 1", "INSTRUMENTATION_STATUS_CODE: 0");
    assertThat(run.stdout()).contains("INSTRUMENTATION_STATUS: test=showsGreeting\n")
        .endsWith("INSTRUMENTATION_CODE: -1\n");
  }

  @Test
  void amInstrumentOfAMissingPackageFailsAsAndroidDoes() throws IOException {
    ShellResult run = AdbTestClient.shellV2(port, SERIAL, "am instrument -w com.nope/.Runner");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stdout()).contains(
        "Unable to find instrumentation info for: ComponentInfo{com.nope/.Runner}");
    assertThat(run.stderr()).contains("INSTRUMENTATION_FAILED: com.nope/.Runner");
  }

  @Test
  void theFingerprintIsBuiltFromTheDevicesPropertiesAndFollowsACopy() throws IOException {
    assertThat(AdbTestClient.shellV2(port, SERIAL, "getprop ro.build.fingerprint").stdout())
        .isEqualTo("samsung/dm1qxxx/dm1q:14/UQ1A.240205.004/11269751:user/release-keys\n");

    VirtualDevice older = sim.updateDevice(SERIAL, d -> d.toBuilder().androidVersion("13").build());
    assertThat(older.property(VirtualDevice.FINGERPRINT))
        .hasValue("samsung/dm1qxxx/dm1q:13/UQ1A.240205.004/11269751:user/release-keys");
    VirtualDevice pinned = VirtualDevice.builder("x").property(VirtualDevice.FINGERPRINT, "a/b/c:1/d/e:user/test-keys")
        .build().toBuilder().model("other").build();
    assertThat(pinned.property(VirtualDevice.FINGERPRINT)).hasValue("a/b/c:1/d/e:user/test-keys");
  }

  @Test
  void uptimePrintsHowLongTheDeviceHasBeenUp() throws IOException {
    ShellResult run = AdbTestClient.shellV2(port, SERIAL, "uptime");

    assertThat(run.exitCode()).isZero();
    assertThat(run.stdout()).matches(
        " \\d\\d:\\d\\d:\\d\\d up \\d+ days?, [ \\d]\\d:\\d\\d,  0 users,  load average: [\\d., ]+\n");
  }
}
