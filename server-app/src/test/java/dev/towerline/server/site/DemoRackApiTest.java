package dev.towerline.server.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.server.Main;
import dev.towerline.server.TowerlineServer;
import dev.towerline.server.adb.AdbConfig;
import dev.towerline.server.config.ServerConfig;
import dev.towerline.server.config.TowerlineConfig;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.TestConfigs;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * AC-1031: the server started as the guides say ({@code ADB_SIMULATOR=demo}) shows a lab with its
 * trouble — an offline and an unauthorized device — and labels to filter by.
 */
class DemoRackApiTest {
  private static final int DEMO_DEVICES = AdbConfig.DEFAULT_SIMULATOR_DEVICES;

  private static TowerlineServer server;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startWithTheDemoRack() throws IOException {
    TowerlineConfig config = new TowerlineConfig(
        ServerConfig.custom().port(0).shutdownTimeout(Duration.ofSeconds(2)).build(),
        TestConfigs.inMemoryDatabase(),
        AdbConfig.fromEnvironment(Map.of("ADB_SIMULATOR", "demo")));
    server = Main.start(config, Clock.systemUTC());
    await("the demo rack listed").atMost(Duration.ofSeconds(15))
        .until(() -> devices("").size() == DEMO_DEVICES);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theDemoRackHasAnOfflineAndAnUnauthorizedDeviceAndTheRestOnline() {
    Map<String, Long> byState = devices("").stream()
        .collect(Collectors.groupingBy(d -> d.path("state").asText(), Collectors.counting()));

    assertThat(byState).containsExactlyInAnyOrderEntriesOf(
        Map.of("online", (long) DEMO_DEVICES - 2, "offline", 1L, "unauthorized", 1L));
    assertThat(devices("?state=unauthorized")).hasSize(1);
    assertThat(devices("?state=offline")).hasSize(1);
  }

  @Test
  void everyDemoDeviceIsLabelledAndTheLabelsFilterTheList() {
    assertThat(devices("")).allSatisfy(d -> assertThat(d.path("labels")).hasSize(2));
    List<JsonNode> emulators = devices("?label=emulator");
    List<JsonNode> rackB = devices("?label=rack-b");

    assertThat(emulators).hasSize(2)
        .allSatisfy(d -> assertThat(d.path("serial").asText()).startsWith("emulator-"));
    assertThat(rackB).hasSize(DEMO_DEVICES - 6);
    assertThat(devices("?label=phone")).hasSize(DEMO_DEVICES - 2);
    assertThat(devices("?label=rack-a")).hasSize(6)
        .noneMatch(d -> rackB.stream().anyMatch(b -> b.path("serial").equals(d.path("serial"))));
  }

  private static List<JsonNode> devices(String query) {
    String separator = query.isEmpty() ? "?" : "&";
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(
              server.baseUri().resolve("/api/v1/devices" + query + separator + "page_size=100")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      List<JsonNode> list = new ArrayList<>();
      Envelopes.parse(response.body()).path("data").forEach(list::add);
      return list;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
