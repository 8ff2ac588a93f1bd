package dev.towerline.server.hostile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Values for one field of a JSON request body, as raw JSON tokens, derived from the field's
 * schema: {@code null}, every wrong JSON type, fractional and huge numbers, the schema's boundaries,
 * blank, empty, over-long, random and unencodable strings (a lone surrogate is valid JSON, {@code
 * "\ud800"}, but no UTF-8 text can carry it).
 */
final class BodyFieldVariants {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BodyFieldVariants() {}

  static List<Variant> of(JsonNode schema, Random random) {
    List<Variant> variants = new ArrayList<>();
    variants.add(Variant.refused("null", "null"));
    if (schema.path("type").asText().equals("integer")) {
      integers(schema, variants);
    } else {
      strings(schema, variants, random);
    }
    return variants;
  }

  private static void integers(JsonNode schema, List<Variant> variants) {
    variants.add(Variant.refused("a numeric string", "\"60\""));
    variants.add(Variant.refused("fractional", "1.5"));
    // JSON Schema (draft 6 on) counts 60.0 as an integer, so the contract may accept it either way.
    variants.add(Variant.any("integral with a fraction part", "60.0"));
    variants.add(Variant.refused("exponent", "1e2"));
    variants.add(Variant.refused("boolean", "true"));
    variants.add(Variant.refused("array", "[60]"));
    variants.add(Variant.refused("object", "{\"value\":60}"));
    variants.add(Variant.refused("negative", "-1"));
    variants.add(Variant.refused("beyond int32 (99999999999)", "99999999999"));
    variants.add(Variant.refused("1,001 digits", "1" + "0".repeat(1000)));
    if (schema.has("minimum")) {
      long min = schema.path("minimum").asLong();
      variants.add(Variant.refused("min-1 (" + (min - 1) + ")", Long.toString(min - 1)));
      variants.add(Variant.any("min (" + min + ")", Long.toString(min)));
    }
    if (schema.has("maximum")) {
      long max = schema.path("maximum").asLong();
      variants.add(Variant.any("max (" + max + ")", Long.toString(max)));
      variants.add(Variant.refused("max+1 (" + (max + 1) + ")", Long.toString(max + 1)));
    }
  }

  private static void strings(JsonNode schema, List<Variant> variants, Random random) {
    variants.add(Variant.refused("number", "42"));
    variants.add(Variant.refused("boolean", "true"));
    variants.add(Variant.refused("array", "[\"id\"]"));
    variants.add(Variant.refused("object", "{\"value\":\"id\"}"));
    int minLength = schema.path("minLength").asInt(0);
    if (minLength >= 1) {
      variants.add(Variant.refused("empty (minLength " + minLength + ")", "\"\""));
      variants.add(Variant.refused("blank", "\"   \""));
    }
    if (schema.has("maxLength")) {
      int maxLength = schema.path("maxLength").asInt();
      variants.add(Variant.any("maxLength (" + maxLength + ")", token("x".repeat(maxLength))));
      variants.add(Variant.refused("maxLength+1 (" + (maxLength + 1) + ")", token("x".repeat(maxLength + 1))));
    }
    variants.add(Variant.refused("lone high surrogate", "\"echo \\ud800poison\""));
    variants.add(Variant.refused("lone low surrogate", "\"\\udc00\""));
    variants.add(Variant.refused("surrogates in the wrong order", "\"\\udc00\\ud800\""));
    variants.add(Variant.any("non-BMP characters, escaped", "\"echo \\ud83d\\ude00\""));
    variants.add(Variant.any("non-BMP characters, raw UTF-8", token("echo 😀𝕋")));
    variants.add(Variant.any("escaped control characters", "\"echo \\u0001\\u001f\\t\""));
    for (int i = 1; i <= 3; i++) {
      String text = RandomText.next(random, 40);
      variants.add(Variant.any("random text " + i + " (" + Printable.of(text) + ")", token(text)));
    }
  }

  /** {@code text} as a JSON string token. */
  static String token(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
