package dev.towerline.server.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.contract.Violation;
import dev.towerline.server.error.ApiException;
import dev.towerline.server.text.UnicodeText;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a request body as exactly one JSON value, refusing what a lenient parser would hide:
 * bytes that are not UTF-8, content after the value and the parser's size limits are {@code
 * MALFORMED_JSON} (so is a key with a lone surrogate, which the parser refuses itself); duplicate
 * keys and string values that cannot be taken ({@link UnicodeText#refusal}) are reported as violations of the fields they occur
 * in, so they join the schema's violations in one answer. Numbers keep their
 * exact form ({@code 1.0} stays a decimal, never an integer).
 */
public final class StrictJsonReader {

  private static final String DUPLICATE_KEY = "duplicate key";

  private final JsonFactory factory =
      JsonFactory.builder().streamReadConstraints(MalformedJson.LIMITS).build();
  private final JsonNodeFactory nodes = JsonNodeFactory.withExactBigDecimals(true);

  /** A parsed body: {@code value} is null when the body was empty or only whitespace. */
  public record Parsed(JsonNode value, List<Violation> violations) {}

  /**
   * @throws ApiException {@code MALFORMED_JSON} when the body is not one well-formed JSON value in
   *     UTF-8 within the parser's limits
   */
  public Parsed read(byte[] body) {
    String text = utf8(body);
    List<Violation> violations = new ArrayList<>();
    try (JsonParser parser = factory.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return new Parsed(null, List.of());
      }
      JsonNode value = value(parser, first, "", violations);
      if (parser.nextToken() != null) {
        throw MalformedJson.refusal("there is content after the JSON value", parser.currentTokenLocation());
      }
      return new Parsed(value, List.copyOf(violations));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw MalformedJson.of(e);
    } catch (IOException e) {
      // Reading from a String fails only through the parser's own exceptions above.
      throw MalformedJson.refusal("unexpected content", null);
    }
  }

  private JsonNode value(JsonParser parser, JsonToken token, String path, List<Violation> violations)
      throws IOException {
    switch (token) {
      case START_OBJECT:
        return object(parser, path, violations);
      case START_ARRAY:
        ArrayNode array = nodes.arrayNode();
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
          array.add(value(parser, next, path + "[" + array.size() + "]", violations));
        }
        return array;
      case VALUE_STRING:
        String text = parser.getText();
        UnicodeText.refusal(text).ifPresent(reason -> violations.add(new Violation(fieldName(path), reason)));
        return nodes.textNode(text);
      case VALUE_NUMBER_INT:
        return nodes.numberNode(parser.getBigIntegerValue());
      case VALUE_NUMBER_FLOAT:
        return decimal(parser);
      case VALUE_TRUE:
        return nodes.booleanNode(true);
      case VALUE_FALSE:
        return nodes.booleanNode(false);
      case VALUE_NULL:
        return nodes.nullNode();
      default:
        throw MalformedJson.refusal("unexpected content", parser.currentTokenLocation());
    }
  }

  private ObjectNode object(JsonParser parser, String path, List<Violation> violations) throws IOException {
    ObjectNode object = nodes.objectNode();
    for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
      String name = parser.currentName();
      String childPath = path.isEmpty() ? name : path + "." + name;
      JsonNode child = value(parser, parser.nextToken(), childPath, violations);
      if (object.has(name)) {
        // The first value stays: a client relying on either is told, not guessed for.
        violations.add(new Violation(childPath, DUPLICATE_KEY));
      } else {
        object.set(name, child);
      }
    }
    return object;
  }

  /** Exponents beyond what a decimal can hold ({@code 1e-9999999999}) are refused, not a server fault. */
  private JsonNode decimal(JsonParser parser) throws IOException {
    try {
      return nodes.numberNode(parser.getDecimalValue());
    } catch (NumberFormatException e) {
      throw MalformedJson.refusal("a number's exponent is out of range", parser.currentTokenLocation());
    }
  }

  private static String fieldName(String path) {
    return path.isEmpty() ? "body" : path;
  }

  private static String utf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ApiException(ErrorCode.MALFORMED_JSON, "Request body is not valid UTF-8", Map.of());
    }
  }
}
