package dev.towerline.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * FR-110, FR-111: the v1 surface clients are promised is all there. Removing any of it is a
 * breaking change (a new major version under /api/v2), so this list only ever grows.
 */
class ContractSurfaceTest {

  private static final ContractDocuments CONTRACT = ContractDocuments.inDirectory(Path.of(""));

  private static final List<String> V1_OPERATIONS =
      List.of(
          "GET /api/v1/devices",
          "GET /api/v1/devices/{serial}",
          "POST /api/v1/executions",
          "GET /api/v1/executions",
          "GET /api/v1/executions/{execution_id}",
          "POST /api/v1/executions/{execution_id}/cancel",
          "GET /api/v1/executions/{execution_id}/output",
          "GET /api/v1/events",
          "POST /api/v1/feed-tickets",
          "GET /health",
          "GET /health/ready",
          "GET /health/full",
          "GET /api/v1/status");

  private static final Map<String, String> FEEDS =
      Map.of("devices", "/api/v1/ws/devices", "executions", "/api/v1/ws/executions", "dashboard", "/api/v1/ws/dashboard");

  private static final List<String> FRAMES =
      List.of(
          "connection_ack", "snapshot", "resync_required", "device.updated", "execution.updated", "execution.output",
          "stats", "ping", "pong", "error");

  private static final List<String> EVENTS = List.of("device.updated", "execution.updated", "execution.output", "stats");

  @Test
  void declaresEveryV1OperationAndFrame() {
    assertThat(operations()).containsAll(V1_OPERATIONS);
    assertThat(CONTRACT.openApi().at("/paths/~1api~1v1~1status/get/deprecated").asBoolean())
        .as("the legacy status route is kept, deprecated")
        .isTrue();

    JsonNode channels = CONTRACT.asyncApi().path("channels");
    FEEDS.forEach((channel, address) -> assertThat(channels.path(channel).path("address").asText()).as(channel).isEqualTo(address));
    Map<String, JsonNode> frames = frames();
    assertThat(frames.keySet()).containsAll(FRAMES);
    for (String event : EVENTS) {
      assertThat(required(frames.get(event))).as("required fields of %s", event).contains("seq", "ts");
    }
  }

  private static List<String> operations() {
    List<String> operations = new ArrayList<>();
    CONTRACT.openApi().path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
      if (List.of("get", "post", "put", "patch", "delete").contains(method)) {
        operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
      }
    }));
    return operations;
  }

  /** Frame type → its payload schema, from the AsyncAPI components. */
  private static Map<String, JsonNode> frames() {
    Map<String, JsonNode> frames = new LinkedHashMap<>();
    CONTRACT.asyncApi().path("components").path("messages").forEach(message -> {
      String schema = message.path("payload").path("$ref").asText().replaceFirst("^\\./", "");
      frames.put(message.path("name").asText(), CONTRACT.read(schema));
    });
    return frames;
  }

  private static List<String> required(JsonNode schema) {
    List<String> required = new ArrayList<>();
    schema.path("required").forEach(name -> required.add(name.asText()));
    schema.path("allOf").forEach(part -> part.path("required").forEach(name -> required.add(name.asText())));
    return required;
  }
}
