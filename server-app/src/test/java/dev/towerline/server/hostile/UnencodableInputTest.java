package dev.towerline.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.Executions;
import dev.towerline.server.testing.JdkFeedClient;
import dev.towerline.server.testing.RunningServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Text that has no UTF-8 form — a lone UTF-16 surrogate — in a body, a query, a path, a header and
 * a WebSocket frame (issue 9, defect 1; must-be-true 1): refused at the door with a 400 envelope
 * naming where it was, and never able to stop a feed.
 */
class UnencodableInputTest {
  /** A lone high surrogate written as a JSON escape: valid JSON, no UTF-8 text can carry it. */
  private static final String ESCAPED_SURROGATE = "\\ud800";
  /** The same surrogate as CESU-8 bytes, which are not UTF-8. */
  private static final byte[] CESU_SURROGATE = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};

  @RegisterExtension static final RunningServer server = new RunningServer();

  @Test
  void loneSurrogateInABodyFieldIsRefusedWith400NamingTheField() throws Exception {
    for (String field : List.of("command", "device_serial")) {
      String body =
          field.equals("command")
              ? "{\"device_serial\":\"" + server.serial(0) + "\",\"command\":\"echo " + ESCAPED_SURROGATE + "poison\"}"
              : "{\"device_serial\":\"" + ESCAPED_SURROGATE + "\",\"command\":\"id\"}";

      HttpResponse<String> response = sendUnchecked(createExecution(body));

      assertThat(response.statusCode()).as("%s answered %s", body, response.body()).isEqualTo(400);
      HostileAnswers.assertEnvelope(body, 400, response.headers().firstValue("Content-Type").orElse(null), response.body());
      JsonNode error = Envelopes.parse(response.body()).path("error");
      assertThat(error.path("code").asText()).as(response.body()).isEqualTo("VALIDATION_FAILED");
      List<String> fields = new ArrayList<>();
      error.path("details").path("violations").forEach(v -> fields.add(v.path("field").asText()));
      assertThat(fields).as("violations of %s", response.body()).contains(field);
    }
  }

  @Test
  void loneSurrogateInAQueryOrAPathIsRefusedWithA4xxEnvelope() throws Exception {
    for (String target :
        List.of("/api/v1/devices?q=%ED%A0%80", "/api/v1/executions?device_serial=%ED%A0%80", "/api/v1/devices/%ED%A0%80", "/api/v1/executions/ex_%ED%A0%80")) {
      HttpResponse<String> response = sendUnchecked(server.request(target).GET());

      assertThat(response.statusCode()).as("%s answered %s", target, response.body()).isBetween(400, 499);
      HostileAnswers.assertEnvelope(target, response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body());
    }
  }

  @Test
  void loneSurrogateInAnIdempotencyKeyIsRefusedWithA4xxEnvelope() throws Exception {
    String body = "{\"device_serial\":\"" + server.serial(0) + "\",\"command\":\"id\"}";
    byte[] request =
        concat(
            "POST /api/v1/executions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\nIdempotency-Key: key-",
            CESU_SURROGATE,
            "\r\n\r\n" + body);

    RawAnswer answer = RawExchange.send(server.port(), request);

    HostileAnswers.assertRefused("Idempotency-Key with CESU-8 surrogate bytes", answer, false);
  }

  @Test
  void loneSurrogateInARequestIdIsNeverEchoedAndNeverA5xx() throws Exception {
    byte[] request = concat("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: id-", CESU_SURROGATE, "\r\n\r\n");

    RawAnswer answer = RawExchange.send(server.port(), request);

    assertThat(answer.answered()).as("X-Request-Id with CESU-8 surrogate bytes: the server %s", answer).isTrue();
    if (answer.status() >= 400) {
      HostileAnswers.assertRefused("X-Request-Id with CESU-8 surrogate bytes", answer, false);
    } else {
      assertThat(answer.header("X-Request-Id")).as("the request id answered, %s", answer).matches("[\\x21-\\x7E]+");
    }
  }

  @Test
  void loneSurrogateInAFeedFrameIsRefusedAndTheFeedKeepsDelivering() {
    try (JdkFeedClient live = JdkFeedClient.connect(server, "executions");
        JdkFeedClient sender = JdkFeedClient.connect(server, "executions")) {
      skipAckAndSnapshot(live);
      skipAckAndSnapshot(sender);

      sender.send("{\"type\":\"ping\",\"ts\":\"2026-11-22T10:00:00Z\",\"nonce\":\"" + ESCAPED_SURROGATE + "\"}");

      Object answer = sender.poll();
      boolean errorFrame = answer instanceof JsonNode frame && frame.path("type").asText().equals("error");
      // 1011 is the answer when a frame cannot be sent (the pong echoing the nonce): that
      // connection alone is closed, resumable; the others must not notice.
      boolean properClose = answer instanceof JdkFeedClient.Closed closed && List.of(1003, 1007, 1008, 1011).contains(closed.code());
      assertThat(errorFrame || properClose).as("answer to a ping whose nonce is a lone surrogate: %s", answer).isTrue();
      assertDelivers(live, "after a frame with a lone surrogate");
    }
  }

  @Test
  void loneSurrogateCommandCannotStopTheExecutionsFeed() throws Exception {
    try (JdkFeedClient live = JdkFeedClient.connect(server, "executions")) {
      skipAckAndSnapshot(live);

      sendUnchecked(createExecution("{\"device_serial\":\"" + server.serial(1) + "\",\"command\":\"echo " + ESCAPED_SURROGATE + "poison\"}"));

      assertDelivers(live, "after a command with a lone surrogate");
    }
    try (JdkFeedClient replay = JdkFeedClient.connect(server, "executions?since=0")) {
      long latest = Envelopes.parse(server.get("/api/v1/events?feed=executions&since=0&page_size=1").body()).path("metadata").path("latest_seq").asLong();
      replay.until(f -> f.path("seq").asLong() >= latest, "replay from since=0 up to seq " + latest);
    }
  }

  /** A new execution's events reach {@code live}. */
  private static void assertDelivers(JdkFeedClient live, String when) {
    String id = new Executions(server).create(server.serial(2), "echo still-delivering", null).path("id").asText();
    live.until(f -> f.path("type").asText().equals("execution.updated") && f.path("execution").path("id").asText().equals(id),
        "the execution created " + when);
  }

  private static void skipAckAndSnapshot(JdkFeedClient client) {
    assertThat(client.next("connection_ack").path("type").asText()).isEqualTo("connection_ack");
    assertThat(client.next("snapshot").path("type").asText()).isEqualTo("snapshot");
  }

  private static HttpRequest.Builder createExecution(String body) {
    return server.request("/api/v1/executions").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
  }

  /** Sends without {@link RunningServer#send}'s contract check, so the test's own assertion explains a failure first. */
  private static HttpResponse<String> sendUnchecked(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> response =
        java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()
            .send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("%s %s answered %s", response.request().method(), response.uri(), response.body()).isLessThan(500);
    RunningServer.CONTRACT.checkResponse(response);
    return response;
  }

  private static byte[] concat(String before, byte[] middle, String after) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(before.getBytes(StandardCharsets.ISO_8859_1));
    bytes.writeBytes(middle);
    bytes.writeBytes(after.getBytes(StandardCharsets.ISO_8859_1));
    return bytes.toByteArray();
  }
}
