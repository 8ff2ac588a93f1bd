package dev.towerline.server;

import static dev.towerline.server.testing.Envelopes.assertEnvelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.adb.simulator.DeviceState;
import dev.towerline.adb.simulator.VirtualDevice;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.RunningServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DevicesApiTest {
  @RegisterExtension static final RunningServer server = new RunningServer();

  private static final Duration TRACKING = Duration.ofSeconds(10);

  @BeforeAll
  static void rackOfTenDevices() {
    for (int i = 0; i < 6; i++) {
      server.adb().putDevice(VirtualDevice.builder("rack-" + i).model("Pixel 8").manufacturer("Google").build());
    }
    await().atMost(TRACKING).until(() -> devices("/api/v1/devices?page_size=500").size() == 10);
  }

  @Test
  void listsDevicesReadOverAdbWithPropertiesAndLinkHealth() {
    JsonNode device = device("rack-3");

    assertThat(device.path("state").asText()).isEqualTo("online");
    assertThat(device.path("model").asText()).isEqualTo("Pixel 8");
    assertThat(device.path("manufacturer").asText()).isEqualTo("Google");
    assertThat(device.path("link").path("breaker_state").asText()).isEqualTo("closed");
    assertThat(device.path("last_seen_at").asText()).isNotEmpty();
  }

  @Test
  void pageTokensWalkEveryDeviceExactlyOnce() {
    List<String> serials = new ArrayList<>();
    String next = "/api/v1/devices?page_size=3&sort=-serial";
    int pages = 0;
    while (next != null) {
      JsonNode body = Envelopes.parse(server.get(next).body());
      body.path("data").forEach(d -> serials.add(d.path("serial").asText()));
      assertThat(body.path("metadata").path("page_size").asInt()).isEqualTo(3);
      JsonNode token = body.path("metadata").path("next_page_token");
      next = token.isMissingNode() ? null : "/api/v1/devices?page_size=3&sort=-serial&page_token=" + token.asText();
      pages++;
    }

    assertThat(pages).isEqualTo(4);
    assertThat(serials).hasSize(10).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> b.compareTo(a));
  }

  @Test
  void filtersByStateModelAndFreeText() {
    server.adb().setState("rack-5", DeviceState.OFFLINE);
    await().atMost(TRACKING).until(() -> device("rack-5").path("state").asText().equals("offline"));

    assertThat(serials("/api/v1/devices?state=offline")).containsExactly("rack-5");
    assertThat(serials("/api/v1/devices?model=pixel%208&state=online")).containsExactly("rack-0", "rack-1", "rack-2", "rack-3", "rack-4");
    assertThat(serials("/api/v1/devices?q=RACK-1")).containsExactly("rack-1");

    server.adb().setState("rack-5", DeviceState.DEVICE);
    await().atMost(TRACKING).until(() -> device("rack-5").path("state").asText().equals("online"));
  }

  @Test
  void unknownSerialIs404NamingIt() {
    JsonNode error = assertEnvelope(server.get("/api/v1/devices/emulator-9999"), 404, ErrorCode.DEVICE_NOT_FOUND);

    assertThat(error.path("details").path("serial").asText()).isEqualTo("emulator-9999");
  }

  @Test
  void invalidQueryParametersAre400NamingTheParameter() {
    assertParameterRefused("/api/v1/devices?page_size=0", ErrorCode.INVALID_PARAMETER, "page_size");
    assertParameterRefused("/api/v1/devices?page_size=501", ErrorCode.INVALID_PARAMETER, "page_size");
    assertParameterRefused("/api/v1/devices?page_size=many", ErrorCode.INVALID_PARAMETER, "page_size");
    assertParameterRefused("/api/v1/devices?page_token=garbled", ErrorCode.INVALID_PAGE_TOKEN, "page_token");
    assertParameterRefused("/api/v1/devices?sort=battery", ErrorCode.INVALID_PARAMETER, "sort");
    assertParameterRefused("/api/v1/devices?model=", ErrorCode.INVALID_PARAMETER, "model");
  }

  @Test
  void devicesGoOfflineWhenAdbStopsAndReturnWhenItRestartsWithoutFailingClients() throws Exception {
    server.adb().stop();
    await().atMost(TRACKING).untilAsserted(() -> {
      HttpResponse<String> listing = server.get("/api/v1/devices?page_size=500");
      assertThat(listing.statusCode()).isEqualTo(200);
      assertThat(Envelopes.parse(listing.body()).path("data")).allSatisfy(d -> assertThat(d.path("state").asText()).isEqualTo("offline"));
    });

    server.adb().start();
    await().atMost(TRACKING).until(() -> device("rack-0").path("state").asText().equals("online"));
    assertThat(devices("/api/v1/devices?state=online&page_size=500")).hasSize(10);
  }

  private static void assertParameterRefused(String path, ErrorCode code, String parameter) {
    JsonNode error = assertEnvelope(server.get(path), 400, code);
    assertThat(error.path("details").path("parameter").asText()).as(path).isEqualTo(parameter);
  }

  private static JsonNode device(String serial) {
    HttpResponse<String> response = server.get("/api/v1/devices/" + serial);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Envelopes.parse(response.body());
  }

  private static List<JsonNode> devices(String path) {
    List<JsonNode> devices = new ArrayList<>();
    Envelopes.parse(server.get(path).body()).path("data").forEach(devices::add);
    return devices;
  }

  private static List<String> serials(String path) {
    return devices(path).stream().map(d -> d.path("serial").asText()).filter(s -> s.startsWith("rack-")).toList();
  }
}
