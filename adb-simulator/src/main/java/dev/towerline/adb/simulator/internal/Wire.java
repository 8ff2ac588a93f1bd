package dev.towerline.adb.simulator.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Byte layouts of the ADB smart-socket protocol. */
final class Wire {
  static final byte[] OKAY = ascii("OKAY");
  static final byte[] FAIL = ascii("FAIL");
  /** Requests carry 4 hex digits of length, so no payload can be longer. */
  static final int MAX_PAYLOAD = 0xffff;

  private Wire() {}

  /** {@code OKAY} followed by a length-prefixed payload, as host queries answer. */
  static byte[] okay(String payload) {
    return concat(OKAY, lengthPrefixed(payload));
  }

  /** {@code FAIL} followed by a length-prefixed message. */
  static byte[] fail(String message) {
    return concat(FAIL, lengthPrefixed(message));
  }

  /** {@code OKAY} and the 8-byte little-endian transport id that {@code host:tport:} answers. */
  static byte[] okayWithTransportId(long transportId) {
    byte[] id = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(transportId).array();
    return concat(OKAY, id);
  }

  static byte[] lengthPrefixed(String payload) {
    byte[] body = payload.getBytes(StandardCharsets.UTF_8);
    if (body.length > MAX_PAYLOAD) {
      throw new IllegalArgumentException("payload longer than 0xffff bytes: " + body.length);
    }
    return concat(ascii(String.format(Locale.ROOT, "%04x", body.length)), body);
  }

  /** Parses the 4 hex digits that precede every request; -1 if they are not hex. */
  static int parseLength(byte[] header) {
    int length = 0;
    for (byte b : header) {
      int digit = Character.digit(b, 16);
      if (digit < 0) {
        return -1;
      }
      length = length * 16 + digit;
    }
    return length;
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] concat(byte[] first, byte[] second) {
    byte[] both = new byte[first.length + second.length];
    System.arraycopy(first, 0, both, 0, first.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }
}
