package dev.towerline.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Header text as the JSON value its schema describes: {@code Retry-After: 21} against {@code
 * type: integer} is the number 21, while {@code Retry-After: soon} stays a string and so fails
 * with "string found, integer expected".
 */
final class HeaderValues {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private HeaderValues() {}

  /** @param type the schema's {@code type}, or null */
  static JsonNode asJson(String value, String type) {
    String text = value.trim();
    if (type == null) {
      return NODES.textNode(value);
    }
    try {
      switch (type) {
        case "integer":
          return NODES.numberNode(new BigInteger(text));
        case "number":
          return NODES.numberNode(new BigDecimal(text));
        case "boolean":
          if (text.equals("true") || text.equals("false")) {
            return NODES.booleanNode(Boolean.parseBoolean(text));
          }
          return NODES.textNode(value);
        default:
          return NODES.textNode(value);
      }
    } catch (NumberFormatException notANumber) {
      return NODES.textNode(value);
    }
  }
}
