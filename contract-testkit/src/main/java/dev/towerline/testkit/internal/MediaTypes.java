package dev.towerline.testkit.internal;

import java.util.Locale;

/** Media types compared the way HTTP does: case-insensitive, parameters such as charset ignored. */
final class MediaTypes {
  private MediaTypes() {}

  /** {@code application/json; charset=utf-8} becomes {@code application/json}. */
  static String base(String contentType) {
    int semicolon = contentType.indexOf(';');
    String type = semicolon >= 0 ? contentType.substring(0, semicolon) : contentType;
    return type.trim().toLowerCase(Locale.ROOT);
  }

  /** {@code application/json} and the structured {@code +json} types (RFC 6839). */
  static boolean isJson(String base) {
    return base.equals("application/json") || base.endsWith("+json");
  }
}
