package dev.towerline.server.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

/** Drives the executions API of a {@link RunningServer}, every answer checked against the contract. */
public final class Executions {
  public static final Duration WAIT = Duration.ofSeconds(15);
  private static final Set<String> FINAL = Set.of("succeeded", "failed", "cancelled", "timed_out", "error", "interrupted");

  private final RunningServer server;

  public Executions(RunningServer server) {
    this.server = server;
  }

  public static String body(String serial, String command, Integer timeoutSeconds) {
    ObjectNode body = Envelopes.parse("{}").deepCopy();
    body.put("device_serial", serial);
    body.put("command", command);
    if (timeoutSeconds != null) {
      body.put("timeout_seconds", timeoutSeconds);
    }
    return body.toString();
  }

  public HttpResponse<String> post(String json) {
    return server.send(server.request("/api/v1/executions").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> post(String json, String idempotencyKey) {
    return server.send(
        server.request("/api/v1/executions")
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", idempotencyKey)
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Creates an execution and returns it as created (201). */
  public JsonNode create(String serial, String command, Integer timeoutSeconds) {
    HttpResponse<String> response = post(body(serial, command, timeoutSeconds));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return Envelopes.parse(response.body());
  }

  public JsonNode get(String id) {
    HttpResponse<String> response = server.get("/api/v1/executions/" + id);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Envelopes.parse(response.body());
  }

  public HttpResponse<String> cancel(String id) {
    return server.send(server.request("/api/v1/executions/" + id + "/cancel").POST(HttpRequest.BodyPublishers.noBody()));
  }

  public JsonNode output(String id, long offset, int limit) {
    HttpResponse<String> response = server.get("/api/v1/executions/" + id + "/output?offset=" + offset + "&limit=" + limit);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Envelopes.parse(response.body());
  }

  /** Reads the whole retained output by following {@code next_offset} until {@code complete}. */
  public String fullOutput(String id) {
    StringBuilder out = new StringBuilder();
    long offset = 0;
    while (true) {
      JsonNode piece = output(id, offset, 65536);
      out.append(piece.path("data").asText());
      if (piece.path("complete").asBoolean()) {
        return out.toString();
      }
      offset = piece.path("next_offset").asLong();
    }
  }

  public JsonNode awaitStatus(String id, String status) {
    await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> get(id).path("status").asText().equals(status));
    return get(id);
  }

  public JsonNode awaitFinished(String id) {
    await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> FINAL.contains(get(id).path("status").asText()));
    return get(id);
  }
}
