package dev.towerline.server.adb.internal;

import java.time.Duration;

/** A point on the monotonic clock that a call must finish by. */
public final class Deadline {

  private final long endNanos;
  private final Duration limit;

  private Deadline(long endNanos, Duration limit) {
    this.endNanos = endNanos;
    this.limit = limit;
  }

  /** The deadline {@code limit} from now. */
  public static Deadline after(Duration limit) {
    return new Deadline(System.nanoTime() + limit.toNanos(), limit);
  }

  /** The earlier of the two. */
  public Deadline earlier(Deadline other) {
    return endNanos - other.endNanos <= 0 ? this : other;
  }

  /** The time limit this deadline was made from. */
  public Duration limit() {
    return limit;
  }

  public boolean expired() {
    return System.nanoTime() - endNanos >= 0;
  }

  /** Whole milliseconds left, rounded up; 0 once expired. */
  public long remainingMillis() {
    long nanos = endNanos - System.nanoTime();
    return nanos <= 0 ? 0 : (nanos + 999_999) / 1_000_000;
  }
}
