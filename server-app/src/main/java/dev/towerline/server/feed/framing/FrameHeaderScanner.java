package dev.towerline.server.feed.framing;

import org.glassfish.grizzly.Buffer;

/**
 * Follows the frame headers of one connection's client byte stream, across reads, and finds the
 * first frame the server must refuse from its header alone: one that is not masked, or one that
 * announces more payload than a feed reads. Only headers are read; payloads are skipped. Not
 * thread-safe: one per connection, fed its reads in order.
 */
final class FrameHeaderScanner {
  /** What the headers read so far say. */
  enum Verdict { ACCEPTABLE, UNMASKED, TOO_LARGE }

  private enum Expect { FIRST, SECOND, LENGTH, MASK, PAYLOAD }

  private final long maxPayloadBytes;
  private Expect expect = Expect.FIRST;
  private int lengthBytesLeft;
  private long payloadLeft;
  private int maskBytesLeft;

  FrameHeaderScanner(long maxPayloadBytes) {
    this.maxPayloadBytes = maxPayloadBytes;
  }

  /** Reads {@code buffer}'s remaining bytes without consuming them. */
  Verdict scan(Buffer buffer) {
    int position = buffer.position();
    int limit = buffer.limit();
    while (position < limit) {
      if (expect == Expect.PAYLOAD) {
        int skip = (int) Math.min(payloadLeft, limit - position);
        position += skip;
        payloadLeft -= skip;
        if (payloadLeft == 0) {
          expect = Expect.FIRST;
        }
        continue;
      }
      int b = buffer.get(position++) & 0xFF;
      switch (expect) {
        case FIRST -> expect = Expect.SECOND;
        case SECOND -> {
          if ((b & 0x80) == 0) {
            return Verdict.UNMASKED;
          }
          int length = b & 0x7F;
          payloadLeft = length < 126 ? length : 0;
          lengthBytesLeft = length == 126 ? 2 : length == 127 ? 8 : 0;
          expect = lengthBytesLeft > 0 ? Expect.LENGTH : Expect.MASK;
          maskBytesLeft = 4;
        }
        case LENGTH -> {
          payloadLeft = (payloadLeft << 8) | b;
          if (--lengthBytesLeft == 0) {
            // A 64-bit length with its top bit set (negative here) is no length at all (RFC 6455 §5.2).
            if (payloadLeft < 0 || payloadLeft > maxPayloadBytes) {
              return Verdict.TOO_LARGE;
            }
            expect = Expect.MASK;
          }
        }
        case MASK -> {
          if (--maskBytesLeft == 0) {
            expect = payloadLeft > 0 ? Expect.PAYLOAD : Expect.FIRST;
          }
        }
        default -> throw new IllegalStateException(expect.name());
      }
    }
    return Verdict.ACCEPTABLE;
  }
}
