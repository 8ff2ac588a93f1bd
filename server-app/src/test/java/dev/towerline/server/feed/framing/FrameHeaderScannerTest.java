package dev.towerline.server.feed.framing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;
import dev.towerline.server.feed.framing.FrameHeaderScanner.Verdict;
import org.junit.jupiter.api.Test;

class FrameHeaderScannerTest {
  private static final long LIMIT = 70_000;

  @Test
  void followsMaskedFramesOfEveryLengthFormAcrossArbitraryReads() {
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    stream.writeBytes(frame(0x81, 5, true));
    stream.writeBytes(frame(0x81, 300, true)); // 16-bit length
    stream.writeBytes(frame(0x82, 70_000, true)); // 64-bit length
    stream.writeBytes(frame(0x89, 0, true));
    byte[] bytes = stream.toByteArray();

    for (int read : new int[] {1, 3, 7, 4096, bytes.length}) {
      FrameHeaderScanner scanner = new FrameHeaderScanner(LIMIT);
      for (int start = 0; start < bytes.length; start += read) {
        assertThat(scanner.scan(slice(bytes, start, Math.min(bytes.length, start + read)))).as("reads of %s", read).isEqualTo(Verdict.ACCEPTABLE);
      }
    }
  }

  @Test
  void findsAnUnmaskedFrameAfterMaskedOnes() {
    FrameHeaderScanner scanner = new FrameHeaderScanner(LIMIT);
    byte[] masked = frame(0x81, 200, true);
    byte[] unmasked = frame(0x81, 3, false);

    assertThat(scanner.scan(slice(masked, 0, masked.length))).isEqualTo(Verdict.ACCEPTABLE);
    assertThat(scanner.scan(slice(unmasked, 0, unmasked.length))).isEqualTo(Verdict.UNMASKED);
  }

  @Test
  void findsAFrameAnnouncingMoreThanTheLimitBeforeItsPayload() {
    byte[] justOver = header(0x81, LIMIT + 1);
    byte[] huge = header(0x81, 1L << 62);
    byte[] notALength = header(0x81, Long.MIN_VALUE + 5);

    assertThat(new FrameHeaderScanner(LIMIT).scan(slice(header(0x81, LIMIT), 0, 14))).isEqualTo(Verdict.ACCEPTABLE);
    assertThat(new FrameHeaderScanner(LIMIT).scan(slice(justOver, 0, justOver.length))).isEqualTo(Verdict.TOO_LARGE);
    assertThat(new FrameHeaderScanner(LIMIT).scan(slice(huge, 0, huge.length))).isEqualTo(Verdict.TOO_LARGE);
    assertThat(new FrameHeaderScanner(LIMIT).scan(slice(notALength, 0, notALength.length))).isEqualTo(Verdict.TOO_LARGE);
  }

  /** A masked frame header with a 64-bit length and no payload. */
  private static byte[] header(int first, long length) {
    ByteBuffer header = ByteBuffer.allocate(14);
    header.put((byte) first).put((byte) (0x80 | 127)).putLong(length).put(new byte[] {1, 2, 3, 4});
    return header.array();
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
