package dev.towerline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JitWarmUpTest {
  private static final long ROUND_MILLIS = 20;

  @Test
  void repeatsRoundsUntilTheCompilersUseAtMostFivePercentOfACore() {
    AtomicInteger rounds = new AtomicInteger();
    // The compilers take a whole core for three rounds, then nothing.
    JitWarmUp warmUp = new JitWarmUp(() -> Math.min(rounds.get(), 3) * ROUND_MILLIS / 1000.0, 60);

    JitWarmUp.Outcome outcome = warmUp.run(() -> sleepARound(rounds));

    assertThat(outcome.rounds()).isEqualTo(4);
    assertThat(rounds).hasValue(4);
    assertThat(outcome.quiet()).isTrue();
    assertThat(outcome.lastCompilerShare()).isZero();
  }

  @Test
  void givesUpAtTheTimeLimitAndSaysTheCompilersWereStillBusy() {
    AtomicInteger rounds = new AtomicInteger();
    JitWarmUp warmUp = new JitWarmUp(() -> rounds.get() * ROUND_MILLIS / 1000.0, 0.1);

    JitWarmUp.Outcome outcome = warmUp.run(() -> sleepARound(rounds));

    assertThat(outcome.quiet()).isFalse();
    assertThat(outcome.rounds()).isBetween(3, 10);
    assertThat(outcome.describe()).contains("still compiling at the time limit");
  }

  private static void sleepARound(AtomicInteger rounds) {
    try {
      Thread.sleep(ROUND_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    rounds.incrementAndGet();
  }
}
