package dev.towerline.client.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The error envelope {@code {"error":{"code","message","details"},"request_id"}}, read leniently:
 * a code newer than this SDK is kept as text, not refused.
 */
public record Envelope(String code, String message, Map<String, Object> details, String requestId) {

  public static Optional<Envelope> read(ObjectMapper json, byte[] body) {
    try {
      JsonNode root = json.readTree(body);
      JsonNode error = root == null ? null : root.get("error");
      if (error == null || !error.isObject() || !error.path("code").isTextual()) {
        return Optional.empty();
      }
      JsonNode detailsNode = error.get("details");
      Map<String, Object> details =
          detailsNode != null && detailsNode.isObject()
              ? json.convertValue(detailsNode, new TypeReference<Map<String, Object>>() {})
              : Map.of();
      String requestId = root.path("request_id").isTextual() ? root.get("request_id").asText() : null;
      return Optional.of(new Envelope(error.get("code").asText(), error.path("message").asText(""), details, requestId));
    } catch (IOException notJson) {
      return Optional.empty();
    }
  }
}
