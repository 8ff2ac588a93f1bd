package dev.towerline.adb.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {
  private static final String PIXEL = "emulator-5554";
  private static final String GALAXY = "R58M123ABC";

  private final MutableClock clock = new MutableClock();
  private AdbSimulator sim;
  private int port;

  @BeforeEach
  void startSimulator() throws IOException {
    sim = AdbSimulator.builder()
        .device(VirtualDevice.builder(PIXEL).build())
        .device(VirtualDevice.builder(GALAXY).build())
        .clock(clock)
        .build()
        .start();
    port = sim.port();
  }

  @AfterEach
  void stopSimulator() {
    sim.close();
  }

  @Test
  void failsTheNextThreeCommandsThenRecovers() throws IOException {
    sim.faults().failNextCommands(3);

    assertThat(commandFailure(PIXEL)).isEqualTo("closed");
    assertThat(commandFailure(GALAXY)).isEqualTo("closed");
    // Host queries are not commands: they neither fail nor use up a fault.
    assertThat(AdbTestClient.query(port, "host:devices")).contains(PIXEL);
    assertThat(commandFailure(PIXEL)).isEqualTo("closed");

    assertThat(AdbTestClient.shellV2(port, PIXEL, "echo back").stdout()).isEqualTo("back\n");
  }

  @Test
  void failsCommandsOnlyOnTheChosenDevice() throws IOException {
    sim.faults().failNextCommands(GALAXY, 1);

    assertThat(AdbTestClient.shellV2(port, PIXEL, "echo fine").exitCode()).isZero();
    assertThat(commandFailure(GALAXY)).isEqualTo("closed");
    assertThat(AdbTestClient.shellV2(port, GALAXY, "echo fine").exitCode()).isZero();
  }

  @Test
  void failsCommandsWithTheChosenReasonAndCountsEveryCommand() throws IOException {
    sim.faults().failNextCommands(GALAXY, 2, "device busy");

    assertThat(commandFailure(GALAXY)).isEqualTo("device busy");
    assertThat(commandFailure(GALAXY)).isEqualTo("device busy");
    assertThat(AdbTestClient.shellV2(port, GALAXY, "echo fine").exitCode()).isZero();

    assertThat(sim.faults().commandsReceived(GALAXY)).isEqualTo(3);
    assertThat(sim.faults().commandsReceived(PIXEL)).isZero();
  }

  @Test
  void disconnectsTheNextCommandWithoutAReply() throws IOException {
    sim.faults().disconnectNextCommands(PIXEL, 1);

    try (AdbTestClient client = AdbTestClient.onDevice(port, PIXEL, "shell:echo lost")) {
      assertThat(client.closedByServer()).isTrue();
    }
    assertThat(AdbTestClient.legacyShell(port, PIXEL, "echo found")).isEqualTo("found\n");
  }

  @Test
  void disconnectsCommandsOnAnyDevice() throws IOException {
    sim.faults().disconnectNextCommands(2);

    for (String serial : new String[] {GALAXY, PIXEL}) {
      try (AdbTestClient client = AdbTestClient.onDevice(port, serial, "shell:echo lost")) {
        assertThat(client.closedByServer()).isTrue();
      }
    }
    assertThat(AdbTestClient.legacyShell(port, GALAXY, "echo found")).isEqualTo("found\n");
  }

  @Test
  void clearForgetsPendingFailures() throws IOException {
    sim.faults().failNextCommands(5);
    sim.faults().disconnectNextCommands(PIXEL, 5);

    sim.faults().clear();

    assertThat(AdbTestClient.shellV2(port, PIXEL, "true").exitCode()).isZero();
  }

  @Test
  void hangsRequestsUntilTheDurationPasses() throws Exception {
    sim.faults().hang(Duration.ofSeconds(5));
    CompletableFuture<String> version = CompletableFuture.supplyAsync(
        () -> ShellCancellationTest.unchecked(() -> AdbTestClient.query(port, "host:version")));

    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1))
        .until(() -> !version.isDone());
    assertThat(sim.faults().hanging()).isTrue();
    clock.advance(Duration.ofSeconds(5));

    assertThat(version.get(5, TimeUnit.SECONDS)).isEqualTo("0029");
    assertThat(sim.faults().hanging()).isFalse();
  }

  @Test
  void hangsCommandsUntilTheHangIsCleared() throws Exception {
    sim.faults().hang(Duration.ofHours(1));
    CompletableFuture<AdbTestClient.ShellResult> shell = CompletableFuture.supplyAsync(
        () -> ShellCancellationTest.unchecked(() -> AdbTestClient.shellV2(port, PIXEL, "echo hi")));

    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1))
        .until(() -> !shell.isDone());
    sim.faults().clearHang();

    assertThat(shell.get(5, TimeUnit.SECONDS).stdout()).isEqualTo("hi\n");
  }

  @Test
  void releasesAHungConnectionWhenItsClientGivesUp() throws IOException {
    sim.faults().hang(Duration.ofHours(1));
    AdbTestClient client = AdbTestClient.connect(port).send("host:devices");
    await().atMost(Duration.ofSeconds(2)).until(() -> sim.openConnections() == 1);

    client.close();

    await().atMost(Duration.ofSeconds(2)).until(() -> sim.openConnections() == 0);
  }

  @Test
  void takesADeviceOfflineAndBackOnline() throws IOException {
    try (AdbTestClient tracker = AdbTestClient.connect(port)) {
      tracker.send("host:track-devices").expectOkay().readPayload();

      sim.faults().takeOffline(PIXEL);
      assertThat(tracker.readPayload()).startsWith(PIXEL + "\toffline\n");
      assertThat(AdbTestClient.queryFailure(port, "host:transport:" + PIXEL))
          .isEqualTo("device offline");

      sim.faults().bringOnline(PIXEL);
      assertThat(tracker.readPayload()).startsWith(PIXEL + "\tdevice\n");
      assertThat(AdbTestClient.shellV2(port, PIXEL, "echo up").stdout()).isEqualTo("up\n");
    }
  }

  @Test
  void revokesAuthorizationLikeAnUnacceptedKey() throws IOException {
    sim.faults().revokeAuthorization(GALAXY);

    assertThat(AdbTestClient.query(port, "host-serial:" + GALAXY + ":get-state"))
        .isEqualTo("unauthorized");
    assertThat(AdbTestClient.queryFailure(port, "host:tport:serial:" + GALAXY))
        .startsWith("device unauthorized.");
  }

  @Test
  void refusesFaultsThatMakeNoSense() {
    assertThatThrownBy(() -> sim.faults().failNextCommands(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    assertThatThrownBy(() -> sim.faults().hang(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT0S");
    assertThatThrownBy(() -> sim.faults().takeOffline("nope"))
        .hasMessageContaining("'nope'");
  }

  private String commandFailure(String serial) throws IOException {
    try (AdbTestClient client = AdbTestClient.onDevice(port, serial, "shell,v2,raw:echo hi")) {
      return client.expectFailure();
    }
  }
}
