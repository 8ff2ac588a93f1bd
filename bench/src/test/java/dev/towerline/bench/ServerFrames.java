package dev.towerline.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Frames as a server writes them (unmasked), for feeding a {@link WsFrameReader} in tests. */
final class ServerFrames {
  private ServerFrames() {}

  static byte[] text(String text) {
    return frame(true, WsFrameReader.OPCODE_TEXT, text.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] frame(boolean fin, int opcode, byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write((fin ? 0x80 : 0) | opcode);
    if (payload.length < 126) {
      out.write(payload.length);
    } else if (payload.length <= 0xFFFF) {
      out.write(126);
      out.write(payload.length >> 8);
      out.write(payload.length);
    } else {
      out.write(127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        out.write((int) ((long) payload.length >> shift));
      }
    }
    out.writeBytes(payload);
    return out.toByteArray();
  }

  static byte[] close(int code) {
    return frame(true, WsFrameReader.OPCODE_CLOSE, new byte[] {(byte) (code >> 8), (byte) code});
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
