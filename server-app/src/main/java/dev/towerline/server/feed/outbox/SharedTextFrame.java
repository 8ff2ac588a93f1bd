package dev.towerline.server.feed.outbox;

import dev.towerline.server.text.UnicodeText;
import java.nio.ByteBuffer;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * One text message and, made on first use and then kept, the WebSocket frame that carries it as a
 * server writes it: final, no RSV bits, unmasked (RFC 6455 §5.2). Those bytes are the same for every
 * connection without an extension, so a feed event is encoded once however many clients get it;
 * each connection writes its own read-only view of them. Thread-safe.
 */
public final class SharedTextFrame {
  private static final byte FIN_TEXT = (byte) 0x81;
  private static final int MAX_7_BIT_LENGTH = 125;
  private static final int LENGTH_16_BIT = 126;
  private static final int LENGTH_64_BIT = 127;

  private final String text;
  /**
   * Read-only, never moved: each caller gets a duplicate. Racing threads may both encode; they get
   * equal bytes, and either set is kept.
   */
  private volatile ByteBuffer frame;

  public SharedTextFrame(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }

  /** The length the outbox limits count: UTF-16 units, known without encoding. */
  int length() {
    return text.length();
  }

  /**
   * The whole frame, header and UTF-8 payload, as a read-only buffer of its own (position 0).
   *
   * @throws UnencodableTextException when the text holds a lone surrogate, which has no UTF-8 form
   */
  public ByteBuffer bytes() {
    ByteBuffer encoded = frame;
    if (encoded == null) {
      encoded = ByteBuffer.wrap(encode(text)).asReadOnlyBuffer();
      frame = encoded;
    }
    return encoded.duplicate();
  }

  private static byte[] encode(String text) {
    int loneSurrogate = UnicodeText.firstLoneSurrogate(text);
    if (loneSurrogate >= 0) {
      throw new UnencodableTextException(loneSurrogate);
    }
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    int length = payload.length;
    int headerLength = length <= MAX_7_BIT_LENGTH ? 2 : length <= 0xFFFF ? 4 : 10;
    ByteBuffer frame = ByteBuffer.allocate(headerLength + length).put(FIN_TEXT);
    if (length <= MAX_7_BIT_LENGTH) {
      frame.put((byte) length);
    } else if (length <= 0xFFFF) {
      frame.put((byte) LENGTH_16_BIT).putShort((short) length);
    } else {
      frame.put((byte) LENGTH_64_BIT).putLong(length);
    }
    return frame.put(payload).array();
  }

  /**
   * Text that cannot be sent as a text frame: the send fails, as it does in the container's own
   * encoder (Tyrus throws an {@link Error} caused by the same {@link MalformedInputException}).
   */
  public static final class UnencodableTextException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UnencodableTextException(int index) {
      super("text has no UTF-8 form: a lone UTF-16 surrogate at index " + index, new MalformedInputException(1));
    }
  }
}
