package dev.towerline.docs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The messages (frame types) of an AsyncAPI 3.0 document, in order of first use by a channel,
 * each with the channels that carry it and in which direction. Directions come from the
 * operations: {@code send} is the server sending, {@code receive} the server receiving.
 */
final class AsyncApiMessages {
  static final String SERVER_TO_CLIENT = "server → client";
  static final String CLIENT_TO_SERVER = "client → server";

  /** A frame type: where it is defined, its {@code name}, and channel key → directions. */
  record Message(Contract.Located at, String name, Map<String, Set<String>> channels) {
    String anchor() {
      return "message-" + Html.slug(name);
    }

    JsonNode node() {
      return at.node();
    }
  }

  private AsyncApiMessages() {}

  static List<Message> of(Contract contract) {
    JsonNode spec = contract.asyncApi();
    Path file = contract.asyncApiFile();
    Map<String, Map<String, Set<String>>> directions = directions(spec);
    Map<String, Message> messages = new LinkedHashMap<>();
    spec.path("channels").properties().forEach(channel -> channel.getValue().path("messages").properties()
        .forEach(entry -> {
          String pointer = "/channels/" + channel.getKey() + "/messages/" + entry.getKey();
          Contract.Located at = entry.getValue().has("$ref")
              ? contract.resolve(file, entry.getValue().get("$ref").asText())
              : new Contract.Located(file, pointer, entry.getValue());
          Message message = messages.computeIfAbsent(at.key(), key ->
              new Message(at, at.node().path("name").asText(entry.getKey()), new LinkedHashMap<>()));
          message.channels().put(channel.getKey(),
              directions.getOrDefault(channel.getKey(), Map.of()).getOrDefault(entry.getKey(), Set.of()));
        }));
    return List.copyOf(messages.values());
  }

  /**
   * The payload schema of a message; AsyncAPI 3 also allows a multi-format wrapper
   * {@code {schemaFormat, schema}} around it.
   */
  static Optional<Contract.Located> payload(Contract contract, Message message) {
    JsonNode payload = message.node().path("payload");
    if (payload.isMissingNode()) {
      return Optional.empty();
    }
    String pointer = message.at().pointer() + "/payload";
    if (payload.has("schemaFormat") && payload.has("schema")) {
      payload = payload.get("schema");
      pointer += "/schema";
    }
    return Optional.of(payload.has("$ref")
        ? contract.resolve(message.at().file(), payload.get("$ref").asText())
        : new Contract.Located(message.at().file(), pointer, payload));
  }

  /** Channel key → message key in that channel → directions, from the operations' actions. */
  private static Map<String, Map<String, Set<String>>> directions(JsonNode spec) {
    Map<String, Map<String, Set<String>>> result = new LinkedHashMap<>();
    spec.path("operations").forEach(operation -> {
      String channel = lastSegment(operation.path("channel").path("$ref").asText());
      String direction = operation.path("action").asText().equals("send") ? SERVER_TO_CLIENT : CLIENT_TO_SERVER;
      operation.path("messages").forEach(ref -> result
          .computeIfAbsent(channel, k -> new LinkedHashMap<>())
          .computeIfAbsent(lastSegment(ref.path("$ref").asText()), k -> new LinkedHashSet<>())
          .add(direction));
    });
    return result;
  }

  private static String lastSegment(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }
}
