package dev.towerline.server.feed.framing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;
import org.junit.jupiter.api.Test;

class MaskScannerTest {

  @Test
  void followsMaskedFramesOfEveryLengthFormAcrossArbitraryReads() {
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    stream.writeBytes(frame(0x81, 5, true));
    stream.writeBytes(frame(0x81, 300, true)); // 16-bit length
    stream.writeBytes(frame(0x82, 70_000, true)); // 64-bit length
    stream.writeBytes(frame(0x89, 0, true));
    byte[] bytes = stream.toByteArray();

    for (int read : new int[] {1, 3, 7, 4096, bytes.length}) {
      MaskScanner scanner = new MaskScanner();
      for (int start = 0; start < bytes.length; start += read) {
        assertThat(scanner.allMasked(slice(bytes, start, Math.min(bytes.length, start + read)))).as("reads of %s", read).isTrue();
      }
    }
  }

  @Test
  void findsAnUnmaskedFrameAfterMaskedOnes() {
    MaskScanner scanner = new MaskScanner();
    byte[] masked = frame(0x81, 200, true);
    byte[] unmasked = frame(0x81, 3, false);

    assertThat(scanner.allMasked(slice(masked, 0, masked.length))).isTrue();
    assertThat(scanner.allMasked(slice(unmasked, 0, unmasked.length))).isFalse();
  }

  private static byte[] frame(int first, int length, boolean masked) {
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write(first);
    int mask = masked ? 0x80 : 0;
    if (length < 126) {
      frame.write(mask | length);
    } else if (length < 65_536) {
      frame.write(mask | 126);
      frame.write(length >>> 8);
      frame.write(length & 0xFF);
    } else {
      frame.write(mask | 127);
      frame.writeBytes(ByteBuffer.allocate(8).putLong(length).array());
    }
    if (masked) {
      frame.writeBytes(new byte[] {1, 2, 3, 4});
    }
    // Payload bytes that look like headers must be skipped, not read.
    frame.writeBytes(new byte[length]);
    return frame.toByteArray();
  }

  private static Buffer slice(byte[] bytes, int from, int to) {
    byte[] part = java.util.Arrays.copyOfRange(bytes, from, to);
    return Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, part);
  }
}
