package dev.towerline.server.text;

/** The UTF-8 length of text, without encoding it. */
public final class Utf8Length {
  private Utf8Length() {}

  /** Bytes {@code text} takes in UTF-8; a lone surrogate counts one byte, the '?' it is written as. */
  public static int of(CharSequence text) {
    int bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += Character.isSurrogate(c) ? 1 : 3;
      }
    }
    return bytes;
  }
}
