package dev.towerline.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.protocol.Device;
import dev.towerline.protocol.DeviceState;
import dev.towerline.protocol.Execution;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's example, kept compiling and run against the scripted server. */
class ReadmeExampleTest {

  @Test
  void theReadmeExampleListsOnlineDevicesAndRunsACommandOnEach() throws IOException {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (FaultServer server = new FaultServer()) {
      server.enqueue(
          FaultServer.json(200, "{\"data\":[" + Fixtures.DEVICE + "],\"metadata\":{\"page_size\":20},"
              + "\"timestamp\":\"2026-11-22T10:15:30Z\"}"),
          Fixtures.created(Fixtures.EXECUTION));
      readmeExample(server.baseUrl(), new PrintStream(printed, true, StandardCharsets.UTF_8));
      assertThat(server.contractProblems()).isEmpty();
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("emulator-5554 -> ex_01JD4Z8Q2M7W" + System.lineSeparator());
  }

  private static void readmeExample(String baseUrl, PrintStream out) {
    // --- as in README.md, with System.out as `out` ---
    try (TowerlineClient towerline = TowerlineClient.builder()
        .baseUrl(baseUrl)          // must end in '/'
        .bearerToken(System.getenv("TOWERLINE_TOKEN"))
        .build()) {
      for (Device device : towerline.listDevices(DeviceQuery.all().withState(DeviceState.ONLINE)).items()) {
        Execution run = towerline.createExecution(device.getSerial(), "getprop ro.product.model");
        out.println(device.getSerial() + " -> " + run.getId());
      }
    } catch (NotFoundException | ConflictException e) {   // all extend TowerlineException
      out.println(e.errorCode().orElse("-") + ": " + e.getMessage() + " (request " + e.requestId().orElse("-") + ")");
    }
  }
}
