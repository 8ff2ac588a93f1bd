package dev.towerline.sdkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.client.DeviceQuery;
import dev.towerline.client.TowerlineClient;
import dev.towerline.protocol.Device;
import dev.towerline.sdkit.support.ContractProxy;
import dev.towerline.server.testing.RunningServer;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ListDevicesTest {
  @RegisterExtension @Order(1) static final RunningServer server = new RunningServer();
  @RegisterExtension @Order(2) static final ContractProxy proxy = ContractProxy.inFrontOf(() -> server.uri("/"));

  @Test
  void theSdkListsTheDevicesTheServerDiscoveredOverAdb() {
    try (TowerlineClient client = TowerlineClient.builder().baseUrl(proxy.baseUrl()).build()) {
      List<String> serials = client.streamDevices(DeviceQuery.all()).map(Device::getSerial).toList();

      assertThat(serials).containsExactlyInAnyOrderElementsOf(server.adb().devices().stream().map(d -> d.serial()).toList());
    }
  }
}
