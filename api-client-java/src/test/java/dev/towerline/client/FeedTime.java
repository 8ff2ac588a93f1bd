package dev.towerline.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock that moves only when the test or the {@link #sleeper()} moves it; records each wait. */
final class FeedTime extends Clock {
  private volatile Instant now = Instant.parse("2026-12-07T04:00:00Z");
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  Sleeper sleeper() {
    return duration -> {
      sleeps.add(duration);
      advance(duration);
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    };
  }

  synchronized void advance(Duration duration) {
    now = now.plus(duration);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
