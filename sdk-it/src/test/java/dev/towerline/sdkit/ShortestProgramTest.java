package dev.towerline.sdkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.client.DeviceQuery;
import dev.towerline.client.TowerlineClient;
import dev.towerline.protocol.Execution;
import dev.towerline.sdkit.support.ContractProxy;
import dev.towerline.server.testing.RunningServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shortest complete program the module README shows — list the devices, run a command on one,
 * print its output — run against the real server. The lines between the markers are the example,
 * word for word, with {@code System.out} as {@code out}.
 */
class ShortestProgramTest {

  @RegisterExtension @Order(1) static final RunningServer server = new RunningServer();
  @RegisterExtension @Order(2) static final ContractProxy proxy = ContractProxy.inFrontOf(() -> server.uri("/"));

  @Test
  void listsTheDevicesRunsGetpropOnOneAndPrintsItsOutput() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    String baseUrl = proxy.baseUrl();

    // example begins
    try (TowerlineClient towerline = TowerlineClient.builder().baseUrl(baseUrl).build()) {
      towerline.streamDevices(DeviceQuery.all()).forEach(device -> out.println(device.getSerial() + " " + device.getModel()));
      Execution run = towerline.createExecution(towerline.listDevices().items().get(0).getSerial(), "getprop ro.product.model");
      towerline.streamOutput(run.getId()).forEach(out::print);
    }
    // example ends

    String[] lines = printed.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(server.adb().devices().size() + 1);
    server.adb().devices().forEach(device -> assertThat(lines).contains(device.serial() + " " + device.model()));
    assertThat(lines[lines.length - 1]).isIn(server.adb().devices().stream().map(device -> device.model()).toList());
  }
}
