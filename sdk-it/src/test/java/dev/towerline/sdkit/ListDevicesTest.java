package dev.towerline.sdkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.client.DeviceQuery;
import dev.towerline.client.TowerlineClient;
import dev.towerline.protocol.Device;
import dev.towerline.server.testing.RunningServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ListDevicesTest {
  @RegisterExtension static final RunningServer server = new RunningServer();

  @Test
  void theSdkListsTheDevicesTheServerDiscoveredOverAdb() {
    try (TowerlineClient client = TowerlineClient.builder().baseUrl(server.uri("/").toString()).build()) {
      List<String> serials = client.streamDevices(DeviceQuery.all()).map(Device::getSerial).toList();

      assertThat(serials).containsExactlyInAnyOrderElementsOf(server.adb().devices().stream().map(d -> d.serial()).toList());
    }
  }
}
