package dev.towerline.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.server.config.ServerConfig;
import dev.towerline.server.testing.JdkFeedClient;
import dev.towerline.server.testing.RawWebSocket;
import dev.towerline.server.testing.RunningServer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Input over the server's bounds (issue 9, must-be-true 3): a body over the request limit, a body
 * announced far over it, a header and a request line over 8 KiB, many headers, and a WebSocket
 * message over the 64 KiB a feed reads. Each is refused (a 4xx envelope, or a WebSocket close) and
 * not held; the server keeps serving.
 */
class OversizedInputTest {
  private static final int LIMIT = ServerConfig.DEFAULT_MAX_REQUEST_BYTES;
  private static final int OVER_8_KIB = 9 * 1024;
  private static final int FEED_MESSAGE_LIMIT = 64 * 1024;

  @RegisterExtension static final RunningServer server = new RunningServer();

  @Test
  void bodyOverTheLimitIsRefusedWithA4xxEnvelope() throws Exception {
    String body = "{\"device_serial\":\"" + server.serial(0) + "\",\"command\":\"" + "x".repeat(LIMIT) + "\"}";
    RawAnswer answer = RawExchange.send(server.port(), createExecution("Content-Length: " + body.length() + "\r\n") + body);

    HostileAnswers.assertRefused("body of " + body.length() + " bytes", answer, false);
  }

  @Test
  void bodyAnnouncedFarOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
    String start = "{\"device_serial\":\"" + server.serial(0) + "\",\"command\":\"" + "x".repeat(LIMIT + 10);
    RawAnswer answer = RawExchange.send(server.port(), createExecution("Content-Length: 1000000000\r\n") + start);

    HostileAnswers.assertRefused("Content-Length of 1 GB, " + start.length() + " bytes sent", answer, false);
  }

  @Test
  void headerOver8KiBIsRefusedWithA4xxEnvelope() throws Exception {
    RawAnswer answer = RawExchange.send(server.port(), "GET /api/v1/devices HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "x".repeat(OVER_8_KIB) + "\r\n\r\n");

    HostileAnswers.assertRefused("a header of " + OVER_8_KIB + " bytes", answer, false);
  }

  @Test
  void manyHeadersTogetherOver8KiBAreRefusedWithA4xxEnvelope() throws Exception {
    StringBuilder headers = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      headers.append("X-Many-").append(i).append(": ").append("y".repeat(50)).append("\r\n");
    }
    RawAnswer answer = RawExchange.send(server.port(), "GET /api/v1/devices HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n");

    HostileAnswers.assertRefused("200 headers of 60 bytes", answer, false);
  }

  @Test
  void requestLineOver8KiBIsRefusedWithA4xxEnvelope() throws Exception {
    RawAnswer answer = RawExchange.send(server.port(), "GET /api/v1/devices?q=" + "x".repeat(OVER_8_KIB) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

    HostileAnswers.assertRefused("a request line of " + OVER_8_KIB + " bytes", answer, false);
  }

  @Test
  void webSocketMessageOver64KiBClosesTheConnection() throws Exception {
    try (RawWebSocket ws = RawWebSocket.connect(server.port(), "/api/v1/ws/devices", RawExchange.READ_BOUND)) {
      // sendFrame, not sendText: the server may close before reading it all.
      ws.sendFrame(
          RawWebSocket.FIN | RawWebSocket.TEXT,
          ("{\"type\":\"ping\",\"nonce\":\"" + "x".repeat(FEED_MESSAGE_LIMIT + 1024) + "\"}").getBytes(StandardCharsets.UTF_8),
          true);

      int code = ws.awaitClose(new StringBuilder());
      // 1009 as asyncapi.yaml documents ("Client messages"); a reset before the close frame arrives
      // shows as no close frame.
      assertThat(code).as("close code (-1: no close frame, -2: held)").isIn(1009, RawWebSocket.NO_CLOSE_FRAME);
    }
  }

  @Test
  void fragmentedWebSocketMessageOver64KiBIsClosedWith1009() throws Exception {
    try (RawWebSocket ws = RawWebSocket.connect(server.port(), "/api/v1/ws/devices", RawExchange.READ_BOUND)) {
      byte[] fragment = "x".repeat(4096).getBytes(StandardCharsets.UTF_8);
      ws.sendFrame(RawWebSocket.TEXT, fragment, true);
      for (int sent = fragment.length; sent <= FEED_MESSAGE_LIMIT; sent += fragment.length) {
        ws.sendFrame(RawWebSocket.CONTINUATION, fragment, true);
      }

      int code = ws.awaitClose(new StringBuilder());
      assertThat(code).as("close code (-1: no close frame, -2: held)").isIn(1009, RawWebSocket.NO_CLOSE_FRAME);
    }
  }

  @AfterAll
  static void serverStillServes() {
    try (JdkFeedClient client = JdkFeedClient.connect(server, "devices")) {
      assertThat(client.next("connection_ack after oversized input").path("type").asText()).isEqualTo("connection_ack");
    }
    HostileAnswers.assertServes(server, "the oversized input");
  }

  private static String createExecution(String framing) {
    return "POST /api/v1/executions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" + framing + "\r\n";
  }
}
