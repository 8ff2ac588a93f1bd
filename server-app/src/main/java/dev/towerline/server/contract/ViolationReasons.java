package dev.towerline.server.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Turns a schema validator's finding into a {@link Violation} a person reads ("must be ≤ 86400",
 * "unknown field"), built from the violated keyword and the schema's own value, never from the
 * library's message.
 */
final class ViolationReasons {
  // Patterns whose intent their regex does not say plainly.
  private static final Map<String, String> PATTERN_REASONS =
      Map.of(
          "\\S", "must not be blank",
          "^[\\x21-\\x7E]+$", "must contain only visible ASCII characters (no spaces)");

  // When one field breaks several rules, the most basic one is reported: an empty command is
  // "must not be empty", not also "must not be blank".
  private static final List<String> PRECEDENCE =
      List.of("type", "required", "additionalProperties", "enum", "minLength", "maxLength", "minimum", "maximum");

  private ViolationReasons() {}

  /** One violation per field, in the order the fields were first reported. */
  static List<Violation> describe(Collection<ValidationMessage> messages, String root) {
    Map<String, Violation> byField = new LinkedHashMap<>();
    messages.stream()
        .sorted(Comparator.comparingInt(ViolationReasons::rank))
        .map(m -> of(m, root))
        .forEach(v -> byField.putIfAbsent(v.field(), v));
    return List.copyOf(byField.values());
  }

  private static int rank(ValidationMessage message) {
    int rank = PRECEDENCE.indexOf(message.getType());
    return rank < 0 ? PRECEDENCE.size() : rank;
  }

  /**
   * @param root how the instance's root is named: {@code body}, or a parameter's name
   */
  private static Violation of(ValidationMessage message, String root) {
    String field = path(message.getInstanceLocation(), root);
    String property = message.getProperty();
    return switch (message.getType()) {
      case "required" -> new Violation(child(field, property, root), "is required");
      case "additionalProperties" -> new Violation(child(field, property, root), "unknown field");
      default -> new Violation(field, reason(message));
    };
  }

  private static String reason(ValidationMessage message) {
    JsonNode rule = message.getSchemaNode();
    return switch (message.getType()) {
      case "type" -> typeReason(rule.asText(), message.getInstanceNode());
      case "maximum" -> "must be ≤ " + rule.asText();
      case "minimum" -> "must be ≥ " + rule.asText();
      case "exclusiveMaximum" -> "must be < " + rule.asText();
      case "exclusiveMinimum" -> "must be > " + rule.asText();
      case "maxLength" -> "must be at most " + rule.asText() + " characters";
      case "minLength" -> rule.asInt() == 1 ? "must not be empty" : "must be at least " + rule.asText() + " characters";
      case "maxItems" -> "must have at most " + rule.asText() + " items";
      case "minItems" -> "must have at least " + rule.asText() + " items";
      case "pattern" -> PATTERN_REASONS.getOrDefault(rule.asText(), "must match the pattern " + rule.asText());
      case "enum" -> "must be one of " + StreamSupport.stream(rule.spliterator(), false).map(JsonNode::asText).collect(Collectors.joining(", "));
      case "format" -> formatReason(message);
      default -> "is invalid";
    };
  }

  private static String typeReason(String expected, JsonNode instance) {
    String wanted =
        switch (expected) {
          case "integer" -> "an integer";
          case "number" -> "a number";
          case "string" -> "a string";
          case "boolean" -> "true or false";
          case "array" -> "an array";
          case "object" -> "an object";
          default -> expected;
        };
    return instance != null && instance.isNull() ? "must be " + wanted + ", not null" : "must be " + wanted;
  }

  private static String formatReason(ValidationMessage message) {
    JsonNode format = message.getSchemaNode();
    String name = format == null ? "" : format.asText();
    return switch (name) {
      case "date-time" -> "must be an RFC 3339 date-time, e.g. 2026-11-22T10:15:30Z";
      case "int32" -> "must be a 32-bit integer";
      case "int64" -> "must be a 64-bit integer";
      default -> "must be a valid " + name;
    };
  }

  /** {@code /labels/2/name} under {@code body} becomes {@code labels[2].name}. */
  private static String path(JsonNodePath location, String root) {
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      if (element instanceof Integer index) {
        path.append('[').append(index).append(']');
      } else {
        path.append(path.length() == 0 ? "" : ".").append(element);
      }
    }
    return path.length() == 0 ? root : path.toString();
  }

  private static String child(String field, String property, String root) {
    if (property == null) {
      return field;
    }
    return field.equals(root) ? property : field + "." + property;
  }
}
