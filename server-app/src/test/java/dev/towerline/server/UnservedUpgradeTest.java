package dev.towerline.server;

import static dev.towerline.server.testing.Envelopes.assertEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.testing.RawHttp;
import dev.towerline.server.testing.RunningServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Grizzly would hang on an upgrade it cannot honour (a POST carrying {@code Upgrade: h2c}, a
 * WebSocket handshake where no feed listens); the server must answer at once over HTTP/1.1.
 */
class UnservedUpgradeTest {

  private static final Duration FEW_SECONDS = Duration.ofSeconds(5);
  private static final String BODY = "{\"device_serial\":\"emulator-5554\",\"command\":\"id\"}";

  @RegisterExtension static final RunningServer server = new RunningServer();

  @Test
  void postWithH2cUpgradeIsAnsweredNormally() throws Exception {
    // Default settings: HTTP_2 preferred, so on plain http the client sends Upgrade: h2c.
    HttpClient defaultClient = HttpClient.newHttpClient();
    assertThat(defaultClient.version()).isEqualTo(HttpClient.Version.HTTP_2);
    HttpRequest post =
        HttpRequest.newBuilder(server.uri("/api/v1/executions"))
            .timeout(FEW_SECONDS)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(BODY))
            .build();

    for (int attempt = 0; attempt < 3; attempt++) {
      HttpResponse<String> response = defaultClient.send(post, HttpResponse.BodyHandlers.ofString());

      // The body was read and parsed: the unknown device is what answers.
      assertEnvelope(response, 404, ErrorCode.DEVICE_NOT_FOUND);
      assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    }
  }

  @Test
  void rawPostWithH2cUpgradeHeadersGetsAnHttp11Answer() throws IOException {
    String request =
        "POST /api/v1/executions HTTP/1.1\r\n"
            + "Host: 127.0.0.1:" + server.port() + "\r\n"
            + "Connection: Upgrade, HTTP2-Settings\r\n"
            + "Upgrade: h2c\r\n"
            + "HTTP2-Settings: AAEAAEAAAAIAAAABAAMAAABkAAQBAAAAAAUAAEAA\r\n"
            + "Content-Type: application/json\r\n"
            + "Content-Length: " + BODY.length() + "\r\n"
            + "\r\n"
            + BODY;

    String response = RawHttp.exchangeHead(server.port(), request);

    assertThat(response).startsWith("HTTP/1.1 404").doesNotContainIgnoringCase("Upgrade: h2c");
  }

  @Test
  void webSocketHandshakeToARestOperationIsAnsweredAsPlainHttp() throws IOException {
    String response = RawHttp.exchangeHead(server.port(), webSocketHandshake("/health"));

    assertThat(response).startsWith("HTTP/1.1 200").doesNotContain("Sec-WebSocket-Accept");
  }

  @Test
  void webSocketHandshakeWhereNoFeedListensIsAnswered404() throws IOException {
    String response = RawHttp.exchangeHead(server.port(), webSocketHandshake("/api/v1/ws/printers"));

    assertThat(response).startsWith("HTTP/1.1 404").doesNotContain("Sec-WebSocket-Accept");
  }

  private String webSocketHandshake(String path) {
    return "GET " + path + " HTTP/1.1\r\n"
        + "Host: 127.0.0.1:" + server.port() + "\r\n"
        + "Connection: Upgrade\r\n"
        + "Upgrade: websocket\r\n"
        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
        + "Sec-WebSocket-Version: 13\r\n"
        + "\r\n";
  }
}
