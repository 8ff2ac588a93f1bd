package dev.towerline.server.adb.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a byte stream that arrives in arbitrary chunks as UTF-8: a character split between two
 * chunks is held back and delivered whole with the next one; malformed bytes become U+FFFD.
 */
public final class Utf8ChunkDecoder {

  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPLACE)
      .onUnmappableCharacter(CodingErrorAction.REPLACE);
  private byte[] pending = new byte[0];

  /** The text of these bytes, minus a trailing incomplete character kept for the next call. */
  public String decode(byte[] bytes, int offset, int length) {
    ByteBuffer in = ByteBuffer.allocate(pending.length + length);
    in.put(pending).put(bytes, offset, length).flip();
    CharBuffer out = CharBuffer.allocate(in.remaining() + 2);
    decoder.decode(in, out, false);
    pending = new byte[in.remaining()];
    in.get(pending);
    return out.flip().toString();
  }

  /** Whatever is held back, at the end of the stream (an incomplete character becomes U+FFFD). */
  public String finish() {
    ByteBuffer in = ByteBuffer.wrap(pending);
    CharBuffer out = CharBuffer.allocate(pending.length + 2);
    decoder.decode(in, out, true);
    decoder.flush(out);
    decoder.reset();
    pending = new byte[0];
    return out.flip().toString();
  }
}
