package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.server.testing.Feeds;
import dev.towerline.server.testing.RawWebSocket;
import dev.towerline.server.testing.RunningServer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Frames written byte by byte on a plain socket, as no WebSocket library would send them (issue 9,
 * items 4 and 5): an unknown frame type is answered in the contract's words, a binary frame closes
 * the connection with 1003 instead of being dropped silently, an unmasked frame with 1002.
 */
class FeedRawFramesTest {

  @RegisterExtension static final RunningServer server = new RunningServer();

  @Test
  void unknownFrameTypeIsAnsweredWithTheTypesAClientMaySendAndNoInternals() throws Exception {
    try (RawWebSocket socket = connected()) {
      socket.sendText("{\"type\":\"subscribe\"}");

      RawWebSocket.Frame answer = socket.readUntil(RawWebSocket.TEXT);
      RunningServer.CONTRACT.checkFrame("/api/v1/ws/devices", answer.text());
      JsonNode error = Feeds.parse(answer.text()).path("error");
      assertThat(error.path("code").asText()).isEqualTo("INVALID_FRAME");
      assertThat(error.path("details").path("reason").asText())
          .isEqualTo("unknown frame type 'subscribe'; a client may send: ping, pong");
      assertThat(answer.text()).doesNotContain("dev.towerline", "Could not resolve", "known type ids", "`");
    }
  }

  @Test
  void binaryFrameClosesTheConnectionWith1003() throws Exception {
    // A ping as binary, and a binary frame larger than any client text frame may be.
    for (byte[] payload : new byte[][] {"{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8), new byte[5_000]}) {
      try (RawWebSocket socket = connected()) {
        socket.send(RawWebSocket.BINARY, payload, true);

        RawWebSocket.Frame close = socket.readUntil(RawWebSocket.CLOSE);
        assertThat(close.closeCode()).as("close after %s bytes", payload.length).isEqualTo(1003);
        assertThat(close.closeReason()).isEqualTo("feeds take JSON text frames only");
      }
    }
  }

  @Test
  void unmaskedFrameClosesTheConnectionWith1002() throws Exception {
    try (RawWebSocket socket = connected()) {
      // Masked frames, one split over two writes, are read as usual.
      socket.sendText("{\"type\":\"ping\",\"ts\":\"2026-12-07T00:00:00Z\",\"nonce\":\"" + "m".repeat(60) + "\"}");
      assertThat(socket.readUntil(RawWebSocket.TEXT).text()).contains("\"pong\"", "m".repeat(60));

      socket.send(RawWebSocket.TEXT, "{\"type\":\"ping\",\"ts\":\"2026-12-07T00:00:00Z\"}".getBytes(StandardCharsets.UTF_8), false);

      RawWebSocket.Frame close = socket.readUntil(RawWebSocket.CLOSE);
      assertThat(close.closeCode()).isEqualTo(1002);
      assertThat(close.closeReason()).isEqualTo("client frames must be masked (RFC 6455 section 5.1)");
      assertThat(socket.serverClosedSocket()).isTrue();
    }
  }

  /** A raw client on the devices feed that has read its ack and snapshot. */
  private static RawWebSocket connected() throws Exception {
    RawWebSocket socket = RawWebSocket.connect(server.port(), "/api/v1/ws/devices");
    assertThat(socket.readUntil(RawWebSocket.TEXT).text()).contains("\"connection_ack\"");
    assertThat(socket.readUntil(RawWebSocket.TEXT).text()).contains("\"snapshot\"");
    return socket;
  }
}
