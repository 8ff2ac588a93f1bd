package dev.towerline.server.feed;

import dev.towerline.server.text.UnicodeText;

/**
 * Makes JSON text safe to send as a WebSocket text frame. A Java string may hold a lone UTF-16
 * surrogate (half of a pair, from a request, an older row or a device), which has no UTF-8 form:
 * the WebSocket container fails to encode it (Tyrus throws {@link Error}). In JSON text a
 * surrogate can only stand inside a string literal, so writing it as the escape {@code \ud800}
 * keeps the same JSON value in valid UTF-8. Well-formed pairs are left as they are.
 */
final class EncodableJson {
  private EncodableJson() {}

  /** {@code json} with each lone surrogate written as a JSON escape; the same instance when there is none. */
  static String of(String json) {
    int first = UnicodeText.firstLoneSurrogate(json);
    if (first < 0) {
      return json;
    }
    StringBuilder out = new StringBuilder(json.length() + 16).append(json, 0, first);
    int i = first;
    while (i < json.length()) {
      char c = json.charAt(i);
      if (UnicodeText.isPairAt(json, i)) {
        out.append(c).append(json.charAt(i + 1));
        i += 2;
      } else if (Character.isSurrogate(c)) {
        out.append(String.format("\\u%04x", (int) c));
        i++;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
