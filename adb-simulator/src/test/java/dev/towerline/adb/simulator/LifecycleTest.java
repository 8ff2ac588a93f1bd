package dev.towerline.adb.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LifecycleTest {
  private final AdbSimulator sim =
      AdbSimulator.builder().device(VirtualDevice.builder("emulator-5554").build()).build();

  @AfterEach
  void stopSimulator() {
    sim.close();
  }

  @Test
  void hasNoPortBeforeItFirstStarts() {
    assertThat(sim.isRunning()).isFalse();
    assertThatThrownBy(sim::port).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not been started");
  }

  @Test
  void restartsOnTheSamePort() throws IOException {
    sim.start();
    int port = sim.port();
    AdbTestClient tracker = AdbTestClient.connect(port);
    tracker.send("host:track-devices").expectOkay().readPayload();
    AdbTestClient shell = AdbTestClient.onDevice(port, "emulator-5554", "shell:sleep 60");
    shell.expectOkay();

    sim.stop();

    assertThat(sim.isRunning()).isFalse();
    assertThat(tracker.closedByServer()).isTrue();
    assertThat(shell.closedByServer()).isTrue();
    assertThat(sim.openConnections()).isZero();
    assertThatThrownBy(() -> AdbTestClient.connect(port)).isInstanceOf(ConnectException.class);

    sim.start();

    assertThat(sim.port()).isEqualTo(port);
    assertThat(AdbTestClient.query(port, "host:devices")).isEqualTo("emulator-5554\tdevice\n");
    tracker.close();
    shell.close();
  }

  @Test
  void keepsDevicesAndFaultsAcrossARestart() throws IOException {
    sim.start();
    sim.putDevice(VirtualDevice.builder("R58M123ABC").build());
    sim.faults().failNextCommands(1);

    sim.stop();
    sim.start();

    try (AdbTestClient client =
        AdbTestClient.onDevice(sim.port(), "R58M123ABC", "shell:echo hi")) {
      assertThat(client.expectFailure()).isEqualTo("closed");
    }
    assertThat(AdbTestClient.legacyShell(sim.port(), "R58M123ABC", "echo hi")).isEqualTo("hi\n");
  }

  @Test
  void startAndStopAreIdempotent() throws IOException {
    sim.start();
    int port = sim.port();
    sim.start();
    sim.stop();
    sim.stop();

    sim.start();

    assertThat(sim.port()).isEqualTo(port);
    assertThat(sim.isRunning()).isTrue();
  }

  @Test
  void refusesConnectionsBeyondTheLimit() throws IOException {
    try (AdbSimulator small = AdbSimulator.builder()
        .device(VirtualDevice.builder("emulator-5554").build()).maxConnections(2).build().start();
        AdbTestClient second = AdbTestClient.connect(small.port())) {
      AdbTestClient first = AdbTestClient.connect(small.port());
      first.send("host:track-devices").expectOkay().readPayload();
      second.send("host:track-devices").expectOkay().readPayload();

      try (AdbTestClient third = AdbTestClient.connect(small.port())) {
        assertThat(third.closedByServer()).isTrue();
      }
      first.close();
      await().atMost(Duration.ofSeconds(2)).until(() -> small.openConnections() == 1);

      assertThat(AdbTestClient.query(small.port(), "host:version")).isEqualTo("0029");
    }
  }
}
