package dev.towerline.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.protocol.Device;
import dev.towerline.protocol.DeviceState;
import dev.towerline.protocol.DeviceUpdated;
import dev.towerline.protocol.Snapshot;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The README's feed example, kept compiling and run against the scripted WebSocket server. */
class ReadmeFeedExampleTest {

  @Test
  void theReadmeFeedExampleKeepsATableOfDevices() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (FeedServer server = new FeedServer();
        TowerlineClient towerline = TowerlineClient.builder().baseUrl(server.baseUrl()).build()) {
      Map<String, Device> devices = readmeExample(towerline, new PrintStream(printed, true, StandardCharsets.UTF_8));
      server.awaitConnection().send(FeedFrames.ack("devices", 30)).send(FeedFrames.devicesSnapshot(7, "emulator-5554", "R58M123ABC"))
          .send(FeedFrames.deviceUpdated(8, "R58M123ABC", "offline"));

      long deadline = System.nanoTime() + 10_000_000_000L;
      while ((devices.size() < 2 || devices.get("R58M123ABC").getState() != DeviceState.OFFLINE) && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(devices.get("R58M123ABC").getState()).isEqualTo(DeviceState.OFFLINE);
      assertThat(devices.get("emulator-5554").getState()).isEqualTo(DeviceState.ONLINE);
      assertThat(server.contractProblems()).isEmpty();
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith("devices feed: CONNECTING" + System.lineSeparator()
        + "devices feed: LIVE" + System.lineSeparator());
  }

  private static Map<String, Device> readmeExample(TowerlineClient towerline, PrintStream out) {
    // --- as in README.md, with System.out as `out` ---
    Map<String, Device> devices = new ConcurrentHashMap<>();
    FeedSubscription feed = towerline.watchDevices(new FeedListener<DeviceUpdated>() {
      @Override public void onSnapshot(Snapshot snapshot) {   // also called for a resync's snapshot
        devices.clear();
        snapshot.getDevices().forEach(device -> devices.put(device.getSerial(), device));
      }
      @Override public void onEvent(DeviceUpdated event) {
        devices.put(event.getDevice().getSerial(), event.getDevice());
      }
      @Override public void onStateChange(FeedState state) {
        out.println("devices feed: " + state);          // e.g. "RECONNECTING in PT3.2S (…)"
      }
    });
    // --- end of the README's example ---
    assertThat(feed.state()).isNotNull();
    return devices;
  }
}
