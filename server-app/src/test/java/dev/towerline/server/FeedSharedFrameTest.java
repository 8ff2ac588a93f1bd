package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.adb.simulator.VirtualDevice;
import dev.towerline.server.testing.FeedRecorder;
import dev.towerline.server.testing.Feeds;
import dev.towerline.server.testing.JdkFeedClient;
import dev.towerline.server.testing.RawWebSocket;
import dev.towerline.server.testing.RunningServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A feed event is encoded as a WebSocket frame once and the same bytes go to every client: each
 * client, whatever its WebSocket library, gets the whole frame as a server must write it (final,
 * no RSV bits, unmasked), and a client whose connection breaks keeps it from nobody else.
 */
class FeedSharedFrameTest {
  private static final int RAW_CLIENTS = 40;
  private static final int FIN_TEXT = 0x81;

  @RegisterExtension static final RunningServer server = new RunningServer();

  private static final Feeds feeds = server.feedClients();
  private final List<RawWebSocket> rawClients = new ArrayList<>();

  @AfterEach
  void disconnect() throws IOException {
    for (RawWebSocket client : rawClients) {
      client.close();
    }
  }

  @Test
  void everyClientGetsTheSameFrameByteForByte() throws Exception {
    List<RawWebSocket> raw = connectRaw(RAW_CLIENTS, "");
    try (JdkFeedClient jdk = JdkFeedClient.connect(server, "devices")) {
      FeedRecorder tyrus = feeds.connect("devices");
      jdk.until(frame -> frame.path("type").asText().equals("snapshot"), "the JDK client's snapshot");
      tyrus.awaitText(text -> Feeds.type(text).equals("snapshot"));
      VirtualDevice device = server.adb().devices().get(0);

      server.adb().removeDevice(device.serial());

      List<byte[]> frames = new ArrayList<>();
      for (RawWebSocket client : raw) {
        frames.add(nextDeviceUpdated(client));
      }
      byte[] first = frames.get(0);
      assertThat(frames).allSatisfy(frame -> assertThat(frame).isEqualTo(first));
      assertThat(first[0] & 0xFF).as("FIN, no RSV bits, text").isEqualTo(FIN_TEXT);
      assertThat(first[1] & 0x80).as("mask bit").isZero();
      String text = payload(first);
      assertThat(text).contains("\"device.updated\"", device.serial(), "\"offline\"");
      assertThat(tyrus.awaitText(t -> Feeds.type(t).equals("device.updated"))).isEqualTo(text);
      List<JsonNode> jdkFrames = jdk.until(frame -> frame.path("type").asText().equals("device.updated"), "device.updated");
      assertThat(jdkFrames.get(jdkFrames.size() - 1)).isEqualTo(Feeds.parse(text));
      server.adb().putDevice(device);
      tyrus.close();
    }
  }

  @Test
  void aClientWhoseConnectionBreaksDoesNotKeepEventsFromTheOthers() throws Exception {
    List<RawWebSocket> raw = connectRaw(RAW_CLIENTS, "");
    RawWebSocket broken = raw.get(RAW_CLIENTS / 2);
    List<RawWebSocket> others = raw.stream().filter(client -> client != broken).toList();
    VirtualDevice device = server.adb().devices().get(1);
    broken.reset();

    server.adb().removeDevice(device.serial());

    for (RawWebSocket client : others) {
      assertThat(payload(nextDeviceUpdated(client))).contains(device.serial(), "\"offline\"");
    }

    server.adb().putDevice(device);

    for (RawWebSocket client : others) {
      assertThat(payload(nextDeviceUpdated(client))).contains(device.serial(), "\"online\"");
    }
  }

  @Test
  void aClientOfferingPermessageDeflateGetsNoExtensionAndTheSameFrame() throws Exception {
    RawWebSocket plain = connectRaw(1, "").get(0);
    RawWebSocket deflating = connectRaw(1, "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n").get(0);
    assertThat(deflating.handshakeResponse().toLowerCase()).doesNotContain("sec-websocket-extensions");
    VirtualDevice device = server.adb().devices().get(2);

    server.adb().removeDevice(device.serial());

    assertThat(nextDeviceUpdated(deflating)).isEqualTo(nextDeviceUpdated(plain));
    server.adb().putDevice(device);
  }

  /** Opens {@code count} devices-feed connections with {@code extraHeadLines} and reads each up to its snapshot. */
  private List<RawWebSocket> connectRaw(int count, String extraHeadLines) throws IOException {
    List<RawWebSocket> opened = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      RawWebSocket client =
          RawWebSocket.connect(server.port(), "/api/v1/ws/devices", RunningServer.TIMEOUT, "Host: 127.0.0.1:" + server.port() + "\r\n" + extraHeadLines);
      rawClients.add(client);
      opened.add(client);
    }
    for (RawWebSocket client : opened) {
      while (!Feeds.type(client.readUntil(RawWebSocket.TEXT).text()).equals("snapshot")) {
        // The ack comes first.
      }
    }
    return opened;
  }

  /** The next {@code device.updated} frame as it came on the wire; heartbeats on the way are skipped. */
  private static byte[] nextDeviceUpdated(RawWebSocket client) throws IOException {
    while (true) {
      byte[] wire = client.readWire();
      if ((wire[0] & 0x0F) == RawWebSocket.TEXT && Feeds.type(payload(wire)).equals("device.updated")) {
        return wire;
      }
    }
  }

  /** The payload of an unmasked server frame. */
  private static String payload(byte[] wire) {
    int length = wire[1] & 0x7F;
    int header = length == 126 ? 4 : length == 127 ? 10 : 2;
    return new String(Arrays.copyOfRange(wire, header, wire.length), StandardCharsets.UTF_8);
  }
}
