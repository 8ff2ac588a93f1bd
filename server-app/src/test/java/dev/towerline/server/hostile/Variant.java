package dev.towerline.server.hostile;

/**
 * One value the fuzzer puts in a parameter or a body field.
 *
 * @param label what it is, e.g. {@code max+1 (501)}
 * @param value as it goes on the wire: percent-encoded for a path or query, a raw JSON token for a
 *     body field, the header value for a header
 */
record Variant(String label, String value, Expect expect) {
  static Variant refused(String label, String value) {
    return new Variant(label, value, Expect.REFUSED);
  }

  static Variant any(String label, String value) {
    return new Variant(label, value, Expect.ANY_DOCUMENTED);
  }
}
