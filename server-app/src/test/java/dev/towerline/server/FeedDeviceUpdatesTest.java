package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.adb.simulator.DeviceState;
import dev.towerline.adb.simulator.VirtualDevice;
import dev.towerline.server.testing.FeedRecorder;
import dev.towerline.server.testing.Feeds;
import dev.towerline.server.testing.RunningServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The devices feed follows the rack: a device changed on the ADB server arrives as {@code
 * device.updated}, each one the next seq of the feed (asyncapi.yaml: strictly increasing by one).
 */
class FeedDeviceUpdatesTest {

  @RegisterExtension static final RunningServer server = new RunningServer();

  private static final Feeds feeds = server.feedClients();

  @Test
  void deviceChangeOnTheRackArrivesAsDeviceUpdatedWithTheNextSeq() throws Exception {
    VirtualDevice device = server.adb().devices().get(1);
    FeedRecorder recorder = feeds.connect("devices");
    assertThat(Feeds.type(recorder.assertNextText())).isEqualTo("connection_ack");
    JsonNode snapshot = Feeds.parse(recorder.assertNextText());
    assertThat(snapshot.path("type").asText()).isEqualTo("snapshot");
    assertThat(stateOf(snapshot.path("devices"), device.serial())).isEqualTo("online");
    long seq = snapshot.path("seq").asLong();

    server.adb().removeDevice(device.serial());

    assertDeviceUpdated(nextEvent(recorder), device.serial(), "offline", seq + 1);

    // Plugged back in, waiting for someone to accept the USB debugging prompt.
    server.adb().putDevice(device.withState(DeviceState.UNAUTHORIZED));

    assertDeviceUpdated(nextEvent(recorder), device.serial(), "unauthorized", seq + 2);
    recorder.close();
  }

  private static void assertDeviceUpdated(JsonNode event, String serial, String state, long seq) {
    assertThat(event.path("type").asText()).as("type of %s", event).isEqualTo("device.updated");
    assertThat(event.path("device").path("serial").asText()).as("serial of %s", event).isEqualTo(serial);
    assertThat(event.path("device").path("state").asText()).as("state of %s", event).isEqualTo(state);
    assertThat(event.path("seq").asLong()).as("seq of %s", event).isEqualTo(seq);
  }

  /** The next frame that carries a seq (heartbeat {@code ping}s do not). */
  private static JsonNode nextEvent(FeedRecorder recorder) {
    return Feeds.parse(recorder.awaitText(text -> Feeds.parse(text).has("seq")));
  }

  private static String stateOf(JsonNode devices, String serial) {
    for (JsonNode device : devices) {
      if (device.path("serial").asText().equals(serial)) {
        return device.path("state").asText();
      }
    }
    throw new AssertionError("no device " + serial + " in " + devices);
  }
}
