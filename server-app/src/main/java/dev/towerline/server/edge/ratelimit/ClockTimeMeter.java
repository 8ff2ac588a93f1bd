package dev.towerline.server.edge.ratelimit;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Instant;

/** Bucket4j's time taken from a {@link Clock}, so tests move a fake clock instead of sleeping. */
final class ClockTimeMeter implements TimeMeter {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final Clock clock;

  ClockTimeMeter(Clock clock) {
    this.clock = clock;
  }

  @Override
  public long currentTimeNanos() {
    Instant now = clock.instant();
    return now.getEpochSecond() * NANOS_PER_SECOND + now.getNano();
  }

  @Override
  public boolean isWallClockBased() {
    return true;
  }
}
