package dev.towerline.server;

import static dev.towerline.server.testing.Envelopes.assertEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.config.ServerConfig;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.RawHttp;
import dev.towerline.server.testing.RunningServer;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RequestBodyLimitTest {
  @RegisterExtension static final RunningServer server = new RunningServer();

  private static final int LIMIT = ServerConfig.DEFAULT_MAX_REQUEST_BYTES;

  @Test
  void oversizedBodyAnswers413NamingTheLimit() {
    HttpResponse<String> response = server.send(createExecution(bodyOfSize(LIMIT + 1)));

    JsonNode error = assertEnvelope(response, 413, ErrorCode.PAYLOAD_TOO_LARGE);
    assertThat(error.path("details").path("max_bytes").asInt()).isEqualTo(LIMIT);
  }

  @Test
  void oversizedChunkedBodyWithoutContentLengthAnswers413() throws Exception {
    String body = bodyOfSize(LIMIT + 10);
    String request =
        "POST /api/v1/executions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
            + Integer.toHexString(body.length())
            + "\r\n"
            + body
            + "\r\n0\r\n\r\n";

    String answer = RawHttp.exchange(server.port(), request);

    assertThat(answer).startsWith("HTTP/1.1 413");
    JsonNode envelope = Envelopes.parse(answer.substring(answer.indexOf("\r\n\r\n") + 4));
    assertThat(envelope.path("error").path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
  }

  @Test
  void bodyAtTheLimitIsStillRead() {
    HttpResponse<String> response = server.send(createExecution(bodyOfSize(LIMIT)));

    assertThat(response.statusCode()).isNotEqualTo(413);
    assertThat(Envelopes.parse(response.body()).path("error").path("code").asText()).isNotEqualTo("PAYLOAD_TOO_LARGE");
  }

  private static java.net.http.HttpRequest.Builder createExecution(String body) {
    return server.request("/api/v1/executions").header("Content-Type", "application/json").POST(BodyPublishers.ofString(body));
  }

  /** Valid JSON of exactly {@code size} bytes. */
  private static String bodyOfSize(int size) {
    String head = "{\"device_serial\":\"emulator-5554\",\"command\":\"";
    String tail = "\"}";
    return head + "x".repeat(size - head.length() - tail.length()) + tail;
  }
}
