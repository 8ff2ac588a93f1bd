package dev.towerline.testkit.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path of openapi.yaml such as {@code /api/v1/devices/{serial}}, matched segment by segment
 * against a request's raw path. A segment is literal, or a pattern where each {@code {name}}
 * stands for one or more characters of a single segment.
 */
final class PathTemplate {
  private static final Pattern PARAMETER = Pattern.compile("\\{[^}/]+}");

  private final String template;
  private final List<Pattern> segments = new ArrayList<>();
  private final List<Boolean> literal = new ArrayList<>();

  PathTemplate(String template) {
    this.template = template;
    for (String segment : template.split("/", -1)) {
      Matcher parameters = PARAMETER.matcher(segment);
      StringBuilder regex = new StringBuilder();
      int last = 0;
      boolean isLiteral = true;
      while (parameters.find()) {
        regex.append(Pattern.quote(segment.substring(last, parameters.start()))).append(".+");
        last = parameters.end();
        isLiteral = false;
      }
      regex.append(Pattern.quote(segment.substring(last)));
      segments.add(Pattern.compile(regex.toString(), Pattern.DOTALL));
      literal.add(isLiteral);
    }
  }

  String template() {
    return template;
  }

  /** Whether {@code rawPath} (percent-encoded, without query) is an instance of this template. */
  boolean matches(String rawPath) {
    String[] parts = rawPath.split("/", -1);
    if (parts.length != segments.size()) {
      return false;
    }
    for (int i = 0; i < parts.length; i++) {
      if (!segments.get(i).matcher(decode(parts[i])).matches()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Negative when this template is more specific than {@code other}: at the first segment where
   * they differ in kind, the literal one wins ("concrete paths are matched before their
   * templated counterparts", OpenAPI 3.0.3 §4.7.8).
   */
  int compareSpecificity(PathTemplate other) {
    for (int i = 0; i < Math.min(literal.size(), other.literal.size()); i++) {
      if (!literal.get(i).equals(other.literal.get(i))) {
        return literal.get(i) ? -1 : 1;
      }
    }
    return 0;
  }

  /** Percent-decodes one segment; a malformed escape such as {@code %zz} is kept as written. */
  private static String decode(String segment) {
    try {
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return segment;
    }
  }

  @Override
  public String toString() {
    return template;
  }
}
