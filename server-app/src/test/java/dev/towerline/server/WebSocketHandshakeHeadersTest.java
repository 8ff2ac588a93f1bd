package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.RawHttp;
import dev.towerline.server.testing.RunningServer;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A feed handshake without the headers RFC 6455 requires is refused with a 400 envelope before
 * Tyrus sees it (issue 9: Tyrus answered 500 and held the connection); a wrong or missing version
 * is answered with the one the server speaks.
 */
class WebSocketHandshakeHeadersTest {

  @RegisterExtension static final RunningServer server = new RunningServer();

  private static final String KEY = "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";

  @Test
  void handshakeWithoutKeyAnswers400() throws IOException {
    String answer = handshake("Sec-WebSocket-Version: 13\r\n");

    JsonNode error = assertRefused(answer);
    assertThat(error.path("message").asText()).contains("Sec-WebSocket-Key");
  }

  @Test
  void handshakeWithAKeyThatIsNotSixteenBytesAnswers400() throws IOException {
    assertRefused(handshake("Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: c2hvcnQ=\r\n"));
  }

  @Test
  void handshakeWithVersion8AnswersWithTheSupportedVersion() throws IOException {
    String answer = handshake(KEY + "Sec-WebSocket-Version: 8\r\n");

    JsonNode error = assertRefused(answer);
    assertThat(answer).containsIgnoringCase("\r\nSec-WebSocket-Version: 13\r\n");
    assertThat(error.path("message").asText()).contains("Sec-WebSocket-Version");
  }

  @Test
  void handshakeWithoutVersionAnswersWithTheSupportedVersion() throws IOException {
    String answer = handshake(KEY);

    assertRefused(answer);
    assertThat(answer).containsIgnoringCase("\r\nSec-WebSocket-Version: 13\r\n");
  }

  private static String handshake(String webSocketHeaders) throws IOException {
    return RawHttp.exchange(
        server.port(),
        "GET /api/v1/ws/devices HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n"
            + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
            + webSocketHeaders
            + "\r\n");
  }

  private static JsonNode assertRefused(String answer) {
    assertThat(answer).startsWith("HTTP/1.1 400 ");
    JsonNode error = Envelopes.parse(answer.substring(answer.indexOf("\r\n\r\n") + 4)).path("error");
    assertThat(error.path("code").asText()).isEqualTo("INVALID_PARAMETER");
    return error;
  }
}
