package dev.towerline.server.edge.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.server.adb.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Callers with ever new keys cannot grow the buckets without bound. */
class QuotaBucketsTest {

  private final MutableClock clock = MutableClock.atTheEpochOfTheTests();
  private final QuotaBuckets buckets =
      new QuotaBuckets("anonymous", new RateLimit(1, Duration.ofSeconds(60)), new ClockTimeMeter(clock), 3);

  @Test
  void dropsTheLeastRecentlyUsedKeysBeyondTheLimit() {
    for (String key : new String[] {"a", "b", "c", "d"}) {
      buckets.take(key);
      clock.advance(Duration.ofSeconds(2));
    }

    assertThat(buckets.size()).isEqualTo(3);
    // "a" was dropped: a full bucket again. "d" was kept: still spent.
    assertThat(buckets.take("a").granted()).isTrue();
    clock.advance(Duration.ofSeconds(2));
    assertThat(buckets.take("d").granted()).isFalse();
  }

  @Test
  void dropsKeysIdleForAWholeWindowWhenSweeping() {
    buckets.take("a");
    buckets.take("b");
    buckets.take("c");
    clock.advance(Duration.ofSeconds(61));

    buckets.take("d");

    assertThat(buckets.size()).isEqualTo(1);
  }

  @Test
  void keepsSpentBucketsOfActiveKeys() {
    assertThat(buckets.take("a").granted()).isTrue();
    assertThat(buckets.take("a").granted()).isFalse();
    assertThat(buckets.take("b").granted()).isTrue();
  }
}
