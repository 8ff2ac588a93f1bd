package dev.towerline.adb.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeviceTrackingTest {
  private AdbSimulator sim;
  private int port;

  @BeforeEach
  void startSimulator() throws IOException {
    sim = AdbSimulator.builder().device(VirtualDevice.builder("emulator-5554").build())
        .build().start();
    port = sim.port();
  }

  @AfterEach
  void stopSimulator() {
    sim.close();
  }

  @Test
  void tracksDevicesAndReportsStateChanges() throws IOException {
    try (AdbTestClient tracker = AdbTestClient.connect(port)) {
      tracker.send("host:track-devices").expectOkay();
      assertThat(tracker.readPayload()).isEqualTo("emulator-5554\tdevice\n");

      sim.putDevice(VirtualDevice.builder("R58M123ABC").build());
      assertThat(tracker.readPayload())
          .isEqualTo("emulator-5554\tdevice\nR58M123ABC\tdevice\n");

      sim.faults().takeOffline("emulator-5554");
      assertThat(tracker.readPayload())
          .isEqualTo("emulator-5554\toffline\nR58M123ABC\tdevice\n");

      sim.faults().revokeAuthorization("R58M123ABC");
      assertThat(tracker.readPayload())
          .isEqualTo("emulator-5554\toffline\nR58M123ABC\tunauthorized\n");

      sim.removeDevice("emulator-5554");
      assertThat(tracker.readPayload()).isEqualTo("R58M123ABC\tunauthorized\n");

      sim.removeDevice("R58M123ABC");
      assertThat(tracker.readPayload()).isEmpty();
    }
  }

  @Test
  void tracksTheLongFormatToo() throws IOException {
    try (AdbTestClient tracker = AdbTestClient.connect(port)) {
      tracker.send("host:track-devices-l").expectOkay();

      assertThat(tracker.readPayload()).isEqualTo("emulator-5554          device "
          + "product:panther model:Pixel_7 device:panther transport_id:1\n");
    }
  }

  @Test
  void sendsOnlyChangesThatAlterTheList() throws IOException {
    try (AdbTestClient tracker = AdbTestClient.connect(port)) {
      tracker.send("host:track-devices").expectOkay().readPayload();

      sim.updateDevice("emulator-5554", device -> device.withBatteryLevel(3));
      sim.setState("emulator-5554", DeviceState.RECOVERY);

      assertThat(tracker.readPayload()).isEqualTo("emulator-5554\trecovery\n");
    }
  }

  @Test
  void endsTheTrackerWhenTheClientCloses() throws IOException {
    AdbTestClient tracker = AdbTestClient.connect(port);
    tracker.send("host:track-devices").expectOkay().readPayload();
    assertThat(sim.openConnections()).isEqualTo(1);

    tracker.close();

    await().atMost(Duration.ofSeconds(2)).until(() -> sim.openConnections() == 0);
  }

  @Test
  void notifiesEveryTrackerOfEveryChange() throws IOException {
    List<AdbTestClient> trackers = new ArrayList<>();
    try {
      for (int i = 0; i < 30; i++) {
        AdbTestClient tracker = AdbTestClient.connect(port);
        tracker.send("host:track-devices").expectOkay().readPayload();
        trackers.add(tracker);
      }

      sim.faults().takeOffline("emulator-5554");

      for (AdbTestClient tracker : trackers) {
        assertThat(tracker.readPayload()).isEqualTo("emulator-5554\toffline\n");
      }
    } finally {
      for (AdbTestClient tracker : trackers) {
        tracker.close();
      }
    }
  }
}
