package dev.towerline.server.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Values for a header parameter, from its schema: lengths at and past the bounds, characters its pattern excludes. */
final class HeaderVariants {
  private HeaderVariants() {}

  static List<Variant> of(JsonNode schema, Random random) {
    List<Variant> variants = new ArrayList<>();
    variants.add(Variant.any("visible ASCII", "key-" + Long.toHexString(random.nextLong())));
    if (schema.has("maxLength")) {
      int maxLength = schema.path("maxLength").asInt();
      variants.add(Variant.any("maxLength (" + maxLength + ")", "k".repeat(maxLength - 16) + Long.toHexString(random.nextLong() | Long.MIN_VALUE)));
      variants.add(Variant.refused("maxLength+1 (" + (maxLength + 1) + ")", "k".repeat(maxLength + 1)));
    }
    if (schema.path("minLength").asInt(0) >= 1) {
      variants.add(Variant.refused("empty", ""));
    }
    if (schema.has("pattern")) {
      variants.add(Variant.refused("inner space, outside the pattern", "two words"));
      variants.add(Variant.refused("tab, outside the pattern", "tab\there"));
      // No non-ASCII variant here: the JDK client sends "é" as "?", which the pattern allows.
      // Non-ASCII header bytes go over a raw socket in UnencodableInputTest.
    }
    return variants;
  }
}
