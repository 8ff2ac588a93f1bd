package dev.towerline.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Frames a client sends (RFC 6455 §5.2–5.3): final, masked with a fresh key each. The client sends
 * few (pongs, a close, heartbeat answers), so each is built in its own small buffer.
 */
final class WsClientFrames {
  private final Random maskKeys;

  /** {@code maskKeys} should be a strong source (§5.3 asks for unpredictable keys); tests may pass a seeded one. */
  WsClientFrames(Random maskKeys) {
    this.maskKeys = maskKeys;
  }

  ByteBuffer pong(byte[] payload, int length) {
    return frame(WsFrameReader.OPCODE_PONG, payload, length);
  }

  ByteBuffer text(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return frame(WsFrameReader.OPCODE_TEXT, bytes, bytes.length);
  }

  ByteBuffer close(int code) {
    return frame(WsFrameReader.OPCODE_CLOSE, new byte[] {(byte) (code >> 8), (byte) code}, 2);
  }

  private ByteBuffer frame(int opcode, byte[] payload, int length) {
    int lengthBytes = length < 126 ? 0 : length <= 0xFFFF ? 2 : 8;
    ByteBuffer frame = ByteBuffer.allocate(2 + lengthBytes + 4 + length);
    frame.put((byte) (0x80 | opcode));
    if (lengthBytes == 0) {
      frame.put((byte) (0x80 | length));
    } else if (lengthBytes == 2) {
      frame.put((byte) (0x80 | 126)).putShort((short) length);
    } else {
      frame.put((byte) (0x80 | 127)).putLong(length);
    }
    byte[] mask = new byte[4];
    maskKeys.nextBytes(mask);
    frame.put(mask);
    for (int i = 0; i < length; i++) {
      frame.put((byte) (payload[i] ^ mask[i & 3]));
    }
    return frame.flip();
  }
}
