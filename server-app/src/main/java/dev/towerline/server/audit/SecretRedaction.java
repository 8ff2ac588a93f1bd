package dev.towerline.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.towerline.server.text.UnicodeText;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secrets in a payload by {@value #REDACTED} before it is stored: the whole value of any
 * field whose name looks like it holds one ({@code token}, {@code password}, {@code secret},
 * {@code authorization}, {@code api_key}, {@code credential}, {@code cookie}, {@code private_key},
 * in any case and as part of a longer name), and, inside every other text (such as a command), the
 * credential in {@code Authorization: Bearer …}, {@code password=…}/{@code --token …} and {@code
 * scheme://user:password@host}. The rest of a command stays readable: it is what an auditor needs.
 */
final class SecretRedaction {
  static final String REDACTED = "[redacted]";

  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(token|passw|pwd|secret|authorization|api[_-]?key|credential|cookie|private[_-]?key).*");

  private static final String NAMES = "(?:[A-Za-z_]*(?:token|passw(?:or)?d|pwd|secret|api[_-]?key|credential)[A-Za-z_]*)";
  /** Each pattern keeps group 1 (what introduces the secret) and replaces the secret after it. */
  private static final List<Pattern> IN_TEXT =
      List.of(
          // Authorization: Bearer abc / Authorization: Basic abc / Authorization=abc
          Pattern.compile("(?i)(authorization\\s*[:=]\\s*(?:(?:bearer|basic|token)\\s+)?)[^\\s'\"]+"),
          // a bearer token anywhere else: -H 'Bearer abc'
          Pattern.compile("(?i)(\\bbearer\\s+)[^\\s'\"]+"),
          // password=abc, api_key: abc, --token=abc, "secret":"abc"
          Pattern.compile("(?i)(\\b" + NAMES + "[\"']?\\s*[=:]\\s*[\"']?)[^\\s'\"&;,}]+"),
          // --password abc, -token abc
          Pattern.compile("(?i)((?:^|\\s)--?" + NAMES + "\\s+[\"']?)[^\\s'\"-][^\\s'\"]*"),
          // scheme://user:password@host
          Pattern.compile("(://[^/\\s:@]+:)[^@\\s/]+(?=@)"));

  private SecretRedaction() {}

  /** A copy of {@code payload} with its secrets replaced; {@code payload} is not changed. */
  static JsonNode redact(JsonNode payload) {
    if (payload.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> fields = payload.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        boolean secret = SECRET_NAME.matcher(field.getKey()).matches() && !field.getValue().isNull();
        copy.set(field.getKey(), secret ? TextNode.valueOf(REDACTED) : redact(field.getValue()));
      }
      return copy;
    }
    if (payload.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      payload.forEach(element -> copy.add(redact(element)));
      return copy;
    }
    if (payload.isTextual()) {
      return TextNode.valueOf(redactText(UnicodeText.printable(payload.textValue())));
    }
    return payload.deepCopy();
  }

  /** {@code text} with the credentials written into it replaced. */
  static String redactText(String text) {
    String redacted = text;
    for (Pattern pattern : IN_TEXT) {
      Matcher matcher = pattern.matcher(redacted);
      redacted = matcher.replaceAll(match -> Matcher.quoteReplacement(match.group(1) + REDACTED));
    }
    return redacted;
  }
}
