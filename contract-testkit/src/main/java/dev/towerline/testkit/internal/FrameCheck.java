package dev.towerline.testkit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.spec.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules for one WebSocket frame: a JSON object whose {@code type} is the {@code name} of a
 * message of the channel at that address, and which fits that message's payload schema.
 */
public final class FrameCheck {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private FrameCheck() {}

  /** Every way {@code frame} breaks the channel at {@code address}; empty when it fits. */
  public static List<String> problems(ContractModel contract, String address, String frame) {
    Optional<ChannelSpec> found = contract.channel(address);
    if (found.isEmpty()) {
      return List.of(
          "No channel of asyncapi.yaml has the address " + address + " (channels: " + String.join(", ", contract.channelAddresses()) + ")");
    }
    ChannelSpec channel = found.get();
    JsonNode json;
    try {
      json = JSON.readTree(frame == null ? "" : frame);
    } catch (JsonProcessingException e) {
      return List.of(channel.label() + " sent a frame that is not JSON (" + e.getOriginalMessage() + ")");
    }
    JsonNode type = json == null ? null : json.get("type");
    if (json == null || !json.isObject() || type == null || !type.isTextual()) {
      return List.of(channel.label() + " sent a frame without a string /type: " + abbreviate(frame));
    }
    SchemaRef payload = channel.messagesByType().get(type.asText());
    if (payload == null) {
      List<String> elsewhere = contract.channelsCarrying(type.asText());
      return List.of(
          channel.label()
              + " sent a "
              + type.asText()
              + " frame, which is not a message of asyncapi.yaml#"
              + Json.pointer("", "channels", channel.key(), "messages")
              + " (its types: "
              + String.join(", ", channel.messagesByType().keySet())
              + ")"
              + (elsewhere.isEmpty() ? "; no channel carries it" : "; it belongs to " + String.join(", ", elsewhere)));
    }
    List<String> problems = new ArrayList<>();
    for (String message : contract.validate(payload, json)) {
      problems.add(channel.label() + " sent a " + type.asText() + " frame that breaks " + payload.name() + ": " + message);
    }
    return problems;
  }

  private static String abbreviate(String frame) {
    String text = String.valueOf(frame);
    return text.length() <= 120 ? text : text.substring(0, 117) + "...";
  }
}
