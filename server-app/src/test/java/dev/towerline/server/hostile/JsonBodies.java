package dev.towerline.server.hostile;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** JSON objects written by hand from raw tokens, so a body can carry what no JSON library writes (duplicate keys, 1e2, lone surrogates). */
final class JsonBodies {
  private JsonBodies() {}

  static String object(Map<String, String> fields) {
    StringJoiner object = new StringJoiner(",", "{", "}");
    fields.forEach((name, token) -> object.add(BodyFieldVariants.token(name) + ":" + token));
    return object.toString();
  }

  static String with(Map<String, String> fields, String name, String token) {
    Map<String, String> changed = new LinkedHashMap<>(fields);
    changed.put(name, token);
    return object(changed);
  }

  static String without(Map<String, String> fields, String name) {
    Map<String, String> changed = new LinkedHashMap<>(fields);
    changed.remove(name);
    return object(changed);
  }

  /** The object with {@code name} written twice, the second time with the same value: only a parser that refuses duplicates notices. */
  static String withDuplicate(Map<String, String> fields, String name) {
    String object = object(fields);
    return object.substring(0, object.length() - 1) + "," + BodyFieldVariants.token(name) + ":" + fields.get(name) + "}";
  }
}
