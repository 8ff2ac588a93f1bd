package dev.towerline.server.feed.outbox;

/**
 * How much one connection may have waiting to be sent.
 *
 * @param maxFrames frames queued behind the one being sent
 * @param maxBytes their total UTF-16 length, a cheap bound on the memory they hold
 */
public record OutboxLimits(int maxFrames, long maxBytes) {
  /** A client this far behind is better served by resuming with {@code since}. */
  public static final OutboxLimits DEFAULT = new OutboxLimits(1_000, 4L * 1024 * 1024);

  public OutboxLimits {
    if (maxFrames < 1 || maxBytes < 1) {
      throw new IllegalArgumentException("outbox limits must be positive: " + maxFrames + " frames, " + maxBytes + " bytes");
    }
  }
}
