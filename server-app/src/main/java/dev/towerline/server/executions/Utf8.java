package dev.towerline.server.executions;

import dev.towerline.server.text.Utf8Length;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Byte arithmetic on UTF-8 text that never splits a character. */
final class Utf8 {
  private Utf8() {}

  /**
   * Removes whole characters from the start of {@code text} until at least {@code bytes} bytes are
   * gone.
   *
   * @return the bytes removed, at least {@code bytes} unless the text was shorter
   */
  static int dropHead(StringBuilder text, int bytes) {
    int removed = 0;
    int chars = 0;
    while (removed < bytes && chars < text.length()) {
      int codePoint = Character.codePointAt(text, chars);
      int width = Character.charCount(codePoint);
      removed += Utf8Length.of(text.subSequence(chars, chars + width));
      chars += width;
    }
    text.delete(0, chars);
    return removed;
  }

  /** Cuts {@code text}, which starts at byte {@code offset}, into chunks of at most {@code maxBytes} each. */
  static List<OutputChunk> chunks(String text, long offset, int maxBytes) {
    List<OutputChunk> chunks = new ArrayList<>();
    int start = 0;
    int startBytes = 0;
    int bytes = 0;
    int i = 0;
    while (i < text.length()) {
      int width = Character.charCount(text.codePointAt(i));
      int size = Utf8Length.of(text.subSequence(i, i + width));
      if (bytes + size > maxBytes && i > start) {
        chunks.add(new OutputChunk(offset + startBytes, bytes, text.substring(start, i)));
        start = i;
        startBytes += bytes;
        bytes = 0;
      }
      bytes += size;
      i += width;
    }
    if (i > start) {
      chunks.add(new OutputChunk(offset + startBytes, bytes, text.substring(start)));
    }
    return chunks;
  }

  /** Whether {@code b} starts a character (is not a continuation byte 10xxxxxx). */
  static boolean startsCharacter(byte b) {
    return (b & 0xC0) != 0x80;
  }

  /** The first character start at or after {@code index}. */
  static int boundaryAtOrAfter(byte[] bytes, int index) {
    int i = index;
    while (i < bytes.length && !startsCharacter(bytes[i])) {
      i++;
    }
    return i;
  }

  /** The last character boundary at or before {@code index} (a cut there splits nothing). */
  static int boundaryAtOrBefore(byte[] bytes, int index) {
    if (index >= bytes.length) {
      return bytes.length;
    }
    int i = index;
    while (i > 0 && !startsCharacter(bytes[i])) {
      i--;
    }
    return i;
  }

  static byte[] encode(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String decode(byte[] bytes, int from, int to) {
    return new String(bytes, from, to - from, StandardCharsets.UTF_8);
  }
}
