package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.adb.simulator.DeviceState;
import dev.towerline.adb.simulator.VirtualDevice;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.Executions;
import dev.towerline.server.testing.RunningServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Device lists are written from each device's last rendering; a change must show on the next one.
 * A rack of 44 devices makes a page larger than Jersey's default response buffer.
 */
class DeviceListFreshnessTest {
  @RegisterExtension static final RunningServer server = new RunningServer();

  private static final Executions executions = new Executions(server);

  @BeforeAll
  static void rackOfFortyFourDevices() {
    for (int i = 0; i < 40; i++) {
      server.adb().putDevice(VirtualDevice.builder(String.format("shelf-%02d", i)).model("Pixel 8").manufacturer("Google").build());
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> listed().path("data").size() == 44);
  }

  @Test
  void aPageOfDevicesArrivesWholeWithItsLengthNotChunked() {
    HttpResponse<String> page = server.get("/api/v1/devices?page_size=100");

    assertThat(page.body().length()).isGreaterThan(8 * 1024);
    assertThat(page.headers().firstValue("Transfer-Encoding")).isEmpty();
    assertThat(page.headers().firstValueAsLong("Content-Length")).hasValue(page.body().getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void theNextListShowsADeviceChangeAndANewlyQueuedExecutionAtOnce() {
    String busy = server.serial(0);
    String unplugged = server.serial(1);
    for (int i = 0; i < 3; i++) {
      assertThat(inList(busy).path("queued_executions").asInt()).isZero();
    }
    String running = executions.create(busy, "sleep 60", 120).path("id").asText();
    executions.awaitStatus(running, "running");
    await().atMost(Duration.ofSeconds(10)).until(() -> device(busy).path("state").asText().equals("busy"));
    inList(busy);

    String queued = executions.create(busy, "echo queued", 30).path("id").asText();
    server.adb().setState(unplugged, DeviceState.OFFLINE);
    await().atMost(Duration.ofSeconds(10)).until(() -> device(unplugged).path("state").asText().equals("offline"));

    JsonNode listedBusy = inList(busy);
    assertThat(listedBusy.path("queued_executions").asInt()).isEqualTo(1);
    assertThat(listedBusy.path("state").asText()).isEqualTo("busy");
    assertThat(listedBusy.path("current_execution_id").asText()).isEqualTo(running);
    assertThat(inList(unplugged).path("state").asText()).isEqualTo("offline");

    executions.cancel(queued);
    assertThat(inList(busy).path("queued_executions").asInt()).isZero();
    executions.cancel(running);
    server.adb().setState(unplugged, DeviceState.DEVICE);
  }

  private static JsonNode device(String serial) {
    return Envelopes.parse(server.get("/api/v1/devices/" + serial).body());
  }

  private static JsonNode listed() {
    return Envelopes.parse(server.get("/api/v1/devices?page_size=100").body());
  }

  private static JsonNode inList(String serial) {
    return StreamSupport.stream(listed().path("data").spliterator(), false)
        .filter(d -> d.path("serial").asText().equals(serial))
        .findFirst()
        .orElseThrow();
  }
}
