package dev.towerline.adb.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.adb.simulator.AdbTestClient.ShellResult;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShellTest {
  private static final String MODERN = "emulator-5554";
  private static final String LEGACY = "4d00e4a0";

  private AdbSimulator sim;
  private int port;

  @BeforeEach
  void startSimulator() throws IOException {
    sim = AdbSimulator.builder()
        .device(VirtualDevice.builder(MODERN).model("Pixel 7").manufacturer("Google")
            .androidVersion("14").sdk(34).batteryLevel(87).build())
        .device(VirtualDevice.builder(LEGACY).model("GT-I9300").manufacturer("samsung")
            .androidVersion("4.3").sdk(18).abi("armeabi-v7a").shellV2(false)
            .property("persist.sys.timezone", "Europe/Berlin").build())
        .build()
        .start();
    port = sim.port();
  }

  @AfterEach
  void stopSimulator() {
    sim.close();
  }

  @Test
  void legacyShellStreamsRawOutputAndClosesWithoutExitStatus() throws IOException {
    assertThat(AdbTestClient.legacyShell(port, LEGACY, "echo hello; nope; exit 3"))
        .isEqualTo("hello\n/system/bin/sh: nope: inaccessible or not found\n");
  }

  @Test
  void shellV2SeparatesStdoutStderrAndReportsTheExitStatus() throws IOException {
    ShellResult result = AdbTestClient.shellV2(port, MODERN, "echo out; nope; exit 42");

    assertThat(result).isEqualTo(new ShellResult(
        "out\n", "/system/bin/sh: nope: inaccessible or not found\n", 42));
  }

  @Test
  void acceptsTheShellV2RequestTheRealClientSends() throws IOException {
    try (AdbTestClient client =
        AdbTestClient.onDevice(port, MODERN, "shell,v2,TERM=xterm,raw:echo hello")) {
      client.expectOkay().sendCloseStdin();

      assertThat(client.readShellV2()).isEqualTo(new ShellResult("hello\n", "", 0));
      assertThat(client.closedByServer()).isTrue();
    }
  }

  @Test
  void mergesStderrIntoStdoutForAPty() throws IOException {
    try (AdbTestClient client = AdbTestClient.onDevice(port, MODERN, "shell,v2,pty:nope")) {
      assertThat(client.expectOkay().readShellV2().stdout()).contains("nope: inaccessible");
    }
  }

  @Test
  void refusesShellV2OnDevicesWithoutIt() throws IOException {
    try (AdbTestClient client = AdbTestClient.onDevice(port, LEGACY, "shell,v2,raw:echo hi")) {
      assertThat(client.expectFailure()).isEqualTo("closed");
    }
  }

  @Test
  void expandsTheLastExitStatusForExitMarkers() throws IOException {
    String output = AdbTestClient.legacyShell(port, LEGACY,
        "getprop ro.build.version.sdk; false; echo \"__TL_EXIT__$?\"");

    assertThat(output).isEqualTo("18\n__TL_EXIT__1\n");
  }

  @Test
  void exitMarkerReportsStatusOfUnknownCommandsAndExplicitExits() throws IOException {
    assertThat(AdbTestClient.legacyShell(port, LEGACY, "frob ; echo \"__TL_EXIT__$?\""))
        .endsWith("__TL_EXIT__127\n");
    assertThat(AdbTestClient.legacyShell(port, LEGACY, "true; echo $?'$?'\"$?\""))
        .isEqualTo("0$?0\n");
  }

  @Test
  void printsAllPropertiesInAndroidFormat() throws IOException {
    String output = AdbTestClient.legacyShell(port, LEGACY, "getprop");

    assertThat(output.lines().map(line -> line.substring(1, line.indexOf(']'))))
        .isSorted();
    assertThat(output.lines())
        .contains("[ro.product.model]: [GT-I9300]", "[ro.product.manufacturer]: [samsung]",
            "[ro.build.version.release]: [4.3]", "[ro.build.version.sdk]: [18]",
            "[ro.product.cpu.abi]: [armeabi-v7a]", "[ro.serialno]: [4d00e4a0]",
            "[persist.sys.timezone]: [Europe/Berlin]")
        .allMatch(line -> line.matches("\\[[^\\]]+\\]: \\[.*\\]"));
  }

  @Test
  void printsOnePropertyOrAnEmptyLine() throws IOException {
    assertThat(AdbTestClient.shellV2(port, MODERN,
        "getprop ro.product.model; getprop no.such.prop; getprop no.such.prop fallback").stdout())
        .isEqualTo("Pixel 7\n\nfallback\n");
  }

  @Test
  void dumpsTheBatteryLikeAndroid() throws IOException {
    String output = AdbTestClient.shellV2(port, MODERN, "dumpsys battery").stdout();

    assertThat(output).startsWith("Current Battery Service state:\n")
        .contains("\n  level: 87\n", "\n  scale: 100\n", "\n  USB powered: true\n");

    sim.updateDevice(MODERN, device -> device.withBatteryLevel(12));
    assertThat(AdbTestClient.shellV2(port, MODERN, "dumpsys battery").stdout())
        .contains("\n  level: 12\n");
  }

  @Test
  void runsAndAndOrListsLikeSh() throws IOException {
    assertThat(AdbTestClient.shellV2(port, MODERN,
        "true && echo a; false && echo b; false || echo c; true || echo d; echo $?").stdout())
        .isEqualTo("a\nc\n0\n");
  }

  @Test
  void keepsQuotedTextAndEscapes() throws IOException {
    assertThat(AdbTestClient.shellV2(port, MODERN,
        "echo 'a;b' \"c  d\" e\\;f; echo -n no-newline").stdout())
        .isEqualTo("a;b c  d e;f\nno-newline");
  }

  @Test
  void refusesPipesInsteadOfRunningThemWrongly() throws IOException {
    ShellResult result = AdbTestClient.shellV2(port, MODERN, "getprop | grep model");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).contains("pipes ('|') not supported");
    assertThat(result.stdout()).isEmpty();
  }

  @Test
  void sleepsForDecimalSeconds() throws IOException {
    long started = System.nanoTime();

    ShellResult result = AdbTestClient.shellV2(port, MODERN, "sleep 0.2; echo woke");

    assertThat(result.stdout()).isEqualTo("woke\n");
    assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(200_000_000L);
    assertThat(AdbTestClient.shellV2(port, MODERN, "sleep soon").stderr())
        .isEqualTo("sleep: Not a number 'soon'\n");
  }

  @Test
  void runsCommandsRegisteredByTests() throws IOException {
    sim.registerCommand("pm", (session, args) -> {
      if (!args.equals(List.of("path", "com.example"))) {
        session.err("unknown package\n");
        return 1;
      }
      session.out("package:/data/app/com.example/base.apk\n");
      return 0;
    });

    assertThat(AdbTestClient.shellV2(port, MODERN, "pm path com.example"))
        .isEqualTo(new ShellResult("package:/data/app/com.example/base.apk\n", "", 0));
    assertThat(AdbTestClient.shellV2(port, MODERN, "/system/bin/pm path other").exitCode())
        .isEqualTo(1);
  }

  @Test
  void registeredCommandsOverrideBuiltinsAndMayPrintLotsOfOutput() throws IOException {
    String megabyte = "0123456789abcdef".repeat(65_536);
    sim.registerCommand("getprop", ShellCommand.printing(megabyte, 7));

    ShellResult v2 = AdbTestClient.shellV2(port, MODERN, "getprop");
    String legacy = AdbTestClient.legacyShell(port, LEGACY, "getprop");

    assertThat(v2.stdout()).hasSize(1 << 20).isEqualTo(megabyte);
    assertThat(v2.exitCode()).isEqualTo(7);
    assertThat(legacy).isEqualTo(megabyte);
  }

  @Test
  void reportsCommandsThatBlowUpWithoutLeakingStackTraces() throws IOException {
    sim.registerCommand("boom", (session, args) -> {
      throw new IllegalStateException("secret internals");
    });

    ShellResult result = AdbTestClient.shellV2(port, MODERN, "boom; echo after $?");

    assertThat(result.stderr()).isEqualTo(
        "/system/bin/sh: boom: failed in the simulator (IllegalStateException)\n");
    assertThat(result.stdout()).isEqualTo("after 1\n");
  }

  @Test
  void refusesInteractiveShells() throws IOException {
    try (AdbTestClient client = AdbTestClient.onDevice(port, MODERN, "shell:")) {
      assertThat(client.expectFailure()).contains("interactive shells are not supported");
    }
  }
}
