package dev.towerline.server.hostile;

import static dev.towerline.server.hostile.RawCase.answered;
import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.server.testing.JdkFeedClient;
import dev.towerline.server.testing.RunningServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken WebSocket handshakes on the feed addresses (issue 9, defect 3; must-be-true 3): each is
 * refused over plain HTTP with a 4xx envelope whose code is documented with its status, never
 * upgraded, never a 5xx, within the read bound; a correct handshake still opens a feed afterwards.
 */
class WebSocketHandshakeAbuseTest {
  private static final String FEED = "/api/v1/ws/devices";
  private static final String KEY = "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
  private static final String UPGRADE = "Upgrade: websocket\r\nConnection: Upgrade\r\n";
  private static final String VERSION = "Sec-WebSocket-Version: 13\r\n";

  @RegisterExtension static final RunningServer server = new RunningServer();

  private static Map<String, RawAnswer> answers;

  static List<RawCase> cases() {
    return List.of(
        answered("no Sec-WebSocket-Key", get(FEED, UPGRADE + VERSION)),
        answered("Sec-WebSocket-Version 8", get(FEED, UPGRADE + KEY + "Sec-WebSocket-Version: 8\r\n")),
        answered("no Sec-WebSocket-Version", get(FEED, UPGRADE + KEY)),
        answered("Sec-WebSocket-Version that is not a number", get(FEED, UPGRADE + KEY + "Sec-WebSocket-Version: thirteen\r\n")),
        answered("Sec-WebSocket-Key that is not 16 bytes in base64", get(FEED, UPGRADE + "Sec-WebSocket-Key: short\r\n" + VERSION)),
        answered("two Sec-WebSocket-Key headers", get(FEED, UPGRADE + KEY + "Sec-WebSocket-Key: AAAAAAAAAAAAAAAAAAAAAA==\r\n" + VERSION)),
        answered("Upgrade without Connection: Upgrade", get(FEED, "Upgrade: websocket\r\n" + KEY + VERSION)),
        answered("Upgrade to another protocol", get(FEED, "Upgrade: h2c\r\nConnection: Upgrade, HTTP2-Settings\r\nHTTP2-Settings: AAMAAABkAAQAAP__\r\n")),
        answered("plain GET of a feed", get(FEED, "")),
        answered("POST with a WebSocket handshake", "POST " + FEED + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + UPGRADE + KEY + VERSION + "Content-Length: 0\r\n\r\n"),
        answered("handshake on a feed that does not exist", get("/api/v1/ws/nope", UPGRADE + KEY + VERSION)),
        answered("garbage in the Upgrade header", get(FEED, "Upgrade: \u0001\u0002garbage\r\nConnection: Upgrade\r\n" + KEY + VERSION)));
  }

  @BeforeAll
  static void sendAll() throws Exception {
    answers = RawCases.sendConcurrently(server.port(), cases());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void brokenHandshakeIsRefusedWithA4xxEnvelopeAndNeverUpgraded(RawCase handshake) {
    RawAnswer answer = answers.get(handshake.name());
    String what = handshake.name() + " [" + handshake.printable() + "]";
    HostileAnswers.assertRefused(what, answer, false);
    assertThat(answer.header("Sec-WebSocket-Accept")).as("%s: never upgraded", what).isNull();
  }

  @AfterAll
  static void aCorrectHandshakeStillOpensAFeed() {
    try (JdkFeedClient client = JdkFeedClient.connect(server, "devices")) {
      assertThat(client.next("connection_ack after the broken handshakes").path("type").asText()).isEqualTo("connection_ack");
    }
    HostileAnswers.assertServes(server, "the broken handshakes");
  }

  private static String get(String path, String headers) {
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n";
  }
}
