package dev.towerline.adb.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HostServicesTest {
  private AdbSimulator sim;
  private int port;

  @BeforeEach
  void startSimulator() throws IOException {
    sim = AdbSimulator.builder()
        .device(VirtualDevice.builder("emulator-5554").model("Pixel 7").product("panther")
            .deviceName("panther").build())
        .device(VirtualDevice.builder("R58M123ABC").model("SM-G991B").manufacturer("samsung")
            .product("o1sxxx").deviceName("o1s").shellV2(false).build())
        .device(VirtualDevice.builder("0A1B2C3D").state(DeviceState.UNAUTHORIZED).build())
        .readTimeout(Duration.ofMillis(300))
        .build()
        .start();
    port = sim.port();
  }

  @AfterEach
  void stopSimulator() {
    sim.close();
  }

  @Test
  void answersVersionLikeTheRealServer() throws IOException {
    try (AdbTestClient client = AdbTestClient.connect(port)) {
      client.send("host:version").expectOkay();
      assertThat(client.readPayload()).isEqualTo("0029");
      // adb 29 reads until the server closes before it trusts the answer.
      assertThat(client.closedByServer()).isTrue();
    }
  }

  @Test
  void listsDevicesWithTheirStates() throws IOException {
    assertThat(AdbTestClient.query(port, "host:devices")).isEqualTo(
        "emulator-5554\tdevice\nR58M123ABC\tdevice\n0A1B2C3D\tunauthorized\n");
  }

  @Test
  void listsDevicesLongWithProductModelDeviceAndTransportId() throws IOException {
    assertThat(AdbTestClient.query(port, "host:devices-l")).isEqualTo(
        "emulator-5554          device product:panther model:Pixel_7 device:panther"
            + " transport_id:1\n"
            + "R58M123ABC             device usb:1-2 product:o1sxxx model:SM_G991B device:o1s"
            + " transport_id:2\n"
            + "0A1B2C3D               unauthorized usb:1-3 transport_id:3\n");
  }

  @Test
  void listsNothingWhenNoDeviceIsAttached() throws IOException {
    sim.removeDevice("emulator-5554");
    sim.removeDevice("R58M123ABC");
    sim.removeDevice("0A1B2C3D");

    assertThat(AdbTestClient.query(port, "host:devices")).isEmpty();
  }

  @Test
  void answersGetStateAndSerialnoInAnyState() throws IOException {
    assertThat(AdbTestClient.query(port, "host-serial:0A1B2C3D:get-state"))
        .isEqualTo("unauthorized");
    assertThat(AdbTestClient.query(port, "host-serial:emulator-5554:get-serialno"))
        .isEqualTo("emulator-5554");
    assertThat(AdbTestClient.query(port, "host-local:get-serialno")).isEqualTo("emulator-5554");
    assertThat(AdbTestClient.queryFailure(port, "host-serial:nope:get-state"))
        .isEqualTo("device 'nope' not found");
  }

  @Test
  void advertisesShellV2OnlyForDevicesConfiguredWithIt() throws IOException {
    assertThat(AdbTestClient.query(port, "host-serial:emulator-5554:features"))
        .startsWith("shell_v2,cmd,stat_v2");
    assertThat(AdbTestClient.query(port, "host-serial:R58M123ABC:features")).isEmpty();
    assertThat(AdbTestClient.queryFailure(port, "host-serial:0A1B2C3D:features"))
        .startsWith("device unauthorized.");
  }

  @Test
  void answersHostFeaturesForTheOnlyDeviceAndRefusesWhenAmbiguous() throws IOException {
    assertThat(AdbTestClient.queryFailure(port, "host:features"))
        .isEqualTo("more than one device/emulator");

    sim.removeDevice("R58M123ABC");
    sim.removeDevice("0A1B2C3D");

    assertThat(AdbTestClient.query(port, "host:features")).contains("shell_v2");
  }

  @Test
  void findsDevicesByTransportIdAndKind() throws IOException {
    assertThat(AdbTestClient.query(port, "host-transport-id:2:get-serialno"))
        .isEqualTo("R58M123ABC");
    assertThat(AdbTestClient.queryFailure(port, "host-usb:get-serialno"))
        .isEqualTo("more than one device");
    assertThat(AdbTestClient.queryFailure(port, "host-transport-id:99:get-state"))
        .isEqualTo("no device with transport id '99'");
  }

  @Test
  void refusesUnknownHostServices() throws IOException {
    try (AdbTestClient client = AdbTestClient.connect(port)) {
      assertThat(client.send("host:frobnicate").expectFailure()).isEqualTo("unknown host service");
      assertThat(client.closedByServer()).isTrue();
    }
  }

  @Test
  void acknowledgesKillWithoutDying() throws IOException {
    try (AdbTestClient client = AdbTestClient.connect(port)) {
      client.send("host:kill").expectOkay();
    }

    assertThat(AdbTestClient.query(port, "host:version")).isEqualTo("0029");
  }

  @Test
  void closesConnectionsOfClientsThatSayNothing() throws IOException {
    try (AdbTestClient client = AdbTestClient.connect(port)) {
      // The simulator's read time-out is 300 ms; the test client's is 5 s.
      assertThat(client.closedByServer()).isTrue();
    }
  }

  @Test
  void closesConnectionsWhoseLengthIsNotHex() throws IOException {
    try (Socket raw = new Socket(InetAddress.getLoopbackAddress(), port)) {
      raw.setSoTimeout((int) AdbTestClient.READ_TIMEOUT.toMillis());
      raw.getOutputStream().write("xyz!host:version".getBytes(StandardCharsets.US_ASCII));

      assertThat(raw.getInputStream().read()).isEqualTo(-1);
    }
  }
}
