package dev.towerline.diff.internal;

import dev.towerline.diff.Severity;
import java.util.LinkedHashSet;
import java.util.Set;

/** Changes to what people read but clients do not parse: descriptions, summaries, examples, vendor extensions. */
final class Notes {
  private Notes() {}

  static void compare(Located b, Located c, ChangeLog log, String prefix, String where, String... keys) {
    for (String key : keys) {
      if (!b.node().path(key).equals(c.node().path(key))) {
        String kind = key.startsWith("example") ? "example" : "description";
        log.add(Severity.INFORMATIONAL, prefix + "." + kind + "-changed", c.child(key), where,
            key + " changed; nothing a client parses");
      }
    }
  }

  static void extensions(Located b, Located c, ChangeLog log, String prefix, String where) {
    Set<String> keys = new LinkedHashSet<>(SchemaDiff.fieldNames(b.node()));
    keys.addAll(SchemaDiff.fieldNames(c.node()));
    for (String key : keys) {
      if (key.startsWith("x-") && !b.node().path(key).equals(c.node().path(key))) {
        log.add(Severity.INFORMATIONAL, prefix + ".extension-changed", c.child(key), where,
            "vendor extension " + key + " changed; not part of the wire format");
      }
    }
  }
}
