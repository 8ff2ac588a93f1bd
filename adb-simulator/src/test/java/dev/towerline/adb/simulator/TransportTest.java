package dev.towerline.adb.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransportTest {
  private AdbSimulator sim;
  private int port;

  @BeforeEach
  void startSimulator() throws IOException {
    sim = AdbSimulator.builder()
        .device(VirtualDevice.builder("emulator-5554").build())
        .device(VirtualDevice.builder("R58M123ABC").build())
        .build()
        .start();
    port = sim.port();
  }

  @AfterEach
  void stopSimulator() {
    sim.close();
  }

  @Test
  void switchesToADeviceBySerialAndRunsAServiceOnTheSameSocket() throws IOException {
    try (AdbTestClient client = AdbTestClient.connect(port)) {
      client.send("host:transport:R58M123ABC").expectOkay();
      client.send("shell:echo hello").expectOkay();

      assertThat(client.readToEnd()).isEqualTo("hello\n");
    }
  }

  @Test
  void reportsTheTransportIdLittleEndianForTport() throws IOException {
    try (AdbTestClient client = AdbTestClient.connect(port)) {
      client.send("host:tport:serial:R58M123ABC").expectOkay();

      assertThat(client.readTransportId()).isEqualTo(2);
      client.send("shell:getprop ro.serialno").expectOkay();
      assertThat(client.readToEnd()).isEqualTo("R58M123ABC\n");
    }
  }

  @Test
  void failsForAnUnknownSerialLikeTheRealServer() throws IOException {
    assertThat(AdbTestClient.queryFailure(port, "host:transport:nope"))
        .isEqualTo("device 'nope' not found");
    assertThat(AdbTestClient.queryFailure(port, "host:tport:serial:nope"))
        .isEqualTo("device 'nope' not found");
  }

  @Test
  void refusesOfflineAndUnauthorizedDevices() throws IOException {
    sim.setState("emulator-5554", DeviceState.OFFLINE);
    sim.setState("R58M123ABC", DeviceState.UNAUTHORIZED);

    assertThat(AdbTestClient.queryFailure(port, "host:transport:emulator-5554"))
        .isEqualTo("device offline");
    assertThat(AdbTestClient.queryFailure(port, "host:tport:serial:R58M123ABC"))
        .startsWith("device unauthorized.\n")
        .contains("check for a confirmation dialog on your device");
  }

  @Test
  void picksTheOnlyDeviceOfAKindAndRefusesWhenAmbiguous() throws IOException {
    assertThat(AdbTestClient.queryFailure(port, "host:transport-any"))
        .isEqualTo("more than one device/emulator");
    assertThat(AdbTestClient.queryFailure(port, "host:tport:any"))
        .isEqualTo("more than one device/emulator");

    try (AdbTestClient client = AdbTestClient.connect(port)) {
      client.send("host:transport-usb").expectOkay().send("shell:getprop ro.serialno");
      assertThat(client.expectOkay().readToEnd()).isEqualTo("R58M123ABC\n");
    }
    try (AdbTestClient client = AdbTestClient.connect(port)) {
      client.send("host:tport:local").expectOkay();
      assertThat(client.readTransportId()).isEqualTo(1);
    }
  }

  @Test
  void saysSoWhenNoDeviceIsAttached() throws IOException {
    sim.removeDevice("emulator-5554");
    sim.removeDevice("R58M123ABC");

    assertThat(AdbTestClient.queryFailure(port, "host:transport-any"))
        .isEqualTo("no devices/emulators found");
    assertThat(AdbTestClient.queryFailure(port, "host:transport-usb"))
        .isEqualTo("no devices found");
  }

  @Test
  void selectsByTransportIdAndByModel() throws IOException {
    try (AdbTestClient client = AdbTestClient.connect(port)) {
      client.send("host:transport-id:2").expectOkay().send("shell:getprop ro.serialno");
      assertThat(client.expectOkay().readToEnd()).isEqualTo("R58M123ABC\n");
    }
    sim.updateDevice("R58M123ABC", d -> d.toBuilder().model("Galaxy S21").build());
    try (AdbTestClient client = AdbTestClient.connect(port)) {
      client.send("host:transport:model:Galaxy_S21").expectOkay().send("shell:echo found");
      assertThat(client.expectOkay().readToEnd()).isEqualTo("found\n");
    }
  }

  @Test
  void refusesUnknownDeviceServicesAsClosed() throws IOException {
    try (AdbTestClient client = AdbTestClient.onDevice(port, "emulator-5554", "sync:")) {
      assertThat(client.expectFailure()).isEqualTo("closed");
    }
  }

  @Test
  void keepsTransportIdsWhenADeviceChangesAndGivesANewOneWhenItIsPluggedAgain()
      throws IOException {
    VirtualDevice unplugged = sim.device("emulator-5554").orElseThrow();
    sim.setState("emulator-5554", DeviceState.RECOVERY);
    assertThat(AdbTestClient.query(port, "host:devices-l")).contains("recovery product:");

    sim.removeDevice("emulator-5554");
    sim.putDevice(unplugged);

    assertThat(AdbTestClient.query(port, "host:devices-l"))
        .contains("emulator-5554          device product:panther model:Pixel_7 "
            + "device:panther transport_id:3");
  }
}
