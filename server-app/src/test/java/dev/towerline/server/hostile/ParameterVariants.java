package dev.towerline.server.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Values for a path or query parameter, derived from its schema: wrong types, the schema's
 * boundaries (min-1, min, max, max+1; lengths), enum neighbours, and random or unencodable text.
 * Values are percent-encoded as they go on the wire; a lone surrogate (which has no UTF-8 form) is
 * sent as its CESU-8 bytes {@code %ED%A0%80}, and an overlong {@code /} as {@code %C0%AF}.
 */
final class ParameterVariants {
  static final String LONE_SURROGATE = "%ED%A0%80";
  private static final String OVERLONG_SLASH = "%C0%AF";

  private ParameterVariants() {}

  /** Variants of a parameter whose (resolved) schema is {@code schema}; {@code inPath} drops what would change the route. */
  static List<Variant> of(JsonNode schema, boolean inPath, Random random) {
    List<Variant> variants = new ArrayList<>();
    String type = schema.path("type").asText("string");
    if (type.equals("integer")) {
      integers(schema, variants, random);
    } else if (schema.has("enum")) {
      enums(schema, variants, inPath);
    } else {
      strings(schema, variants, inPath, random);
    }
    return variants;
  }

  private static void integers(JsonNode schema, List<Variant> variants, Random random) {
    variants.add(Variant.refused("not a number", "abc"));
    variants.add(Variant.refused("fractional", "1.5"));
    variants.add(Variant.refused("empty", ""));
    variants.add(Variant.refused("exponent", "1e2"));
    variants.add(Variant.refused("hexadecimal", "0x10"));
    variants.add(Variant.refused("leading space", "%205"));
    variants.add(Variant.refused("huge (30 digits)", "9".repeat(30)));
    BigInteger typeMax = BigInteger.valueOf(schema.path("format").asText().equals("int64") ? Long.MAX_VALUE : Integer.MAX_VALUE);
    variants.add(Variant.refused("beyond its format (" + schema.path("format").asText("int32") + ")", typeMax.add(BigInteger.ONE).toString()));
    long min = schema.path("minimum").asLong(Long.MIN_VALUE);
    long max = schema.path("maximum").asLong(Long.MAX_VALUE);
    if (schema.has("minimum")) {
      variants.add(Variant.refused("min-1 (" + (min - 1) + ")", Long.toString(min - 1)));
      variants.add(Variant.any("min (" + min + ")", Long.toString(min)));
    }
    if (schema.has("maximum")) {
      variants.add(Variant.any("max (" + max + ")", Long.toString(max)));
      variants.add(Variant.refused("max+1 (" + (max + 1) + ")", Long.toString(max + 1)));
    }
    long low = Math.max(min, 0);
    long high = Math.min(max, 100_000);
    long inRange = low + (long) (random.nextDouble() * (high - low));
    variants.add(Variant.any("random in range (" + inRange + ")", Long.toString(inRange)));
  }

  private static void enums(JsonNode schema, List<Variant> variants, boolean inPath) {
    List<String> values = new ArrayList<>();
    schema.path("enum").forEach(value -> values.add(value.asText()));
    for (String value : values) {
      variants.add(Variant.any("enum value " + value, encode(value)));
    }
    String first = values.get(0);
    variants.add(Variant.refused("not in the enum", "nope"));
    if (!first.toUpperCase(Locale.ROOT).equals(first)) {
      variants.add(Variant.refused("enum value in upper case", encode(first.toUpperCase(Locale.ROOT))));
    }
    variants.add(Variant.refused("enum value with a trailing space", encode(first + " ")));
    if (!inPath) {
      variants.add(Variant.refused("empty", ""));
    }
    variants.add(Variant.refused("lone surrogate", LONE_SURROGATE));
  }

  private static void strings(JsonNode schema, List<Variant> variants, boolean inPath, Random random) {
    int minLength = schema.path("minLength").asInt(0);
    int maxLength = schema.path("maxLength").asInt(256);
    if (minLength >= 1 && !inPath) {
      variants.add(Variant.refused("empty (minLength " + minLength + ")", ""));
    }
    if (schema.has("maxLength")) {
      variants.add(Variant.any("maxLength (" + maxLength + ")", "x".repeat(maxLength)));
      variants.add(Variant.refused("maxLength+1 (" + (maxLength + 1) + ")", "x".repeat(maxLength + 1)));
    }
    if (schema.path("format").asText().equals("date-time")) {
      variants.add(Variant.any("date-time in UTC", encode("2026-11-22T00:00:00Z")));
      variants.add(Variant.any("date-time with an offset", encode("2026-11-22T00:00:00+02:00")));
      variants.add(Variant.refused("not a date-time", "yesterday"));
      variants.add(Variant.refused("impossible date-time", encode("2026-13-45T25:61:00Z")));
      variants.add(Variant.refused("date without a time", encode("2026-11-22")));
    }
    if (schema.has("pattern")) {
      variants.add(Variant.refused("path traversal breaking the pattern", encode("../openapi.yaml")));
    }
    variants.add(Variant.any("blank", "%20"));
    variants.add(Variant.any("non-BMP characters", encode("😀𝕋")));
    variants.add(Variant.refused("lone surrogate", LONE_SURROGATE));
    variants.add(Variant.refused("overlong UTF-8", OVERLONG_SLASH));
    for (int i = 1; i <= 3; i++) {
      String text = RandomText.next(random, Math.min(maxLength, 40));
      variants.add(Variant.any("random text " + i + " (" + Printable.of(text) + ")", encode(text)));
    }
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
