package dev.towerline.server.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DependencyHealthTest {
  private static final Duration BUDGET = Duration.ofMillis(300);
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger hangingRuns = new AtomicInteger();
  private DependencyHealth health;

  @AfterEach
  void releaseHangingCheck() {
    release.countDown();
    health.close();
  }

  @Test
  void answersWithinTheBudgetWhenACheckHangsAndNamesIt() {
    health = new DependencyHealth(List.of(passing("database"), hanging("adb")), BUDGET, Clock.systemUTC());

    long started = System.nanoTime();
    DependencyReport report = health.check();
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(took).isLessThan(BUDGET.multipliedBy(3));
    assertThat(report.passed()).isFalse();
    assertThat(report.failing()).containsExactly("adb");
    assertThat(report.checks()).filteredOn(c -> c.name().equals("adb")).singleElement()
        .satisfies(c -> assertThat(c.message()).isEqualTo("No answer within 300 ms"));
    assertThat(report.passed("database")).isTrue();
  }

  @Test
  void runsChecksInParallelNotOneAfterAnother() {
    CountDownLatch allStarted = new CountDownLatch(3);
    // Each check passes only if all three are running at the same time.
    List<HealthCheck> checks =
        List.of("a", "b", "c").stream().map(name -> check(name, () -> {
          allStarted.countDown();
          return allStarted.await(1, TimeUnit.SECONDS) ? CheckOutcome.pass(name) : CheckOutcome.fail("ran alone");
        })).toList();
    health = new DependencyHealth(checks, Duration.ofSeconds(2), Clock.systemUTC());

    assertThat(health.check().passed()).isTrue();
  }

  @Test
  void aHungCheckIsAwaitedNotStartedAgainByTheNextRequest() {
    health = new DependencyHealth(List.of(hanging("adb")), BUDGET, Clock.systemUTC());

    health.check();
    health.check();
    health.check();

    assertThat(hangingRuns.get()).isEqualTo(1);
  }

  @Test
  void aThrowingCheckFailsWithItsMessage() {
    HealthCheck broken = check("database", () -> {
      throw new IllegalStateException("Connection refused: 127.0.0.1:5432");
    });
    health = new DependencyHealth(List.of(broken), BUDGET, Clock.systemUTC());

    DependencyReport report = health.check();

    assertThat(report.checks()).singleElement().satisfies(c -> {
      assertThat(c.passed()).isFalse();
      assertThat(c.message()).isEqualTo("Connection refused: 127.0.0.1:5432");
    });
  }

  private HealthCheck hanging(String name) {
    return check(name, () -> {
      hangingRuns.incrementAndGet();
      release.await(30, TimeUnit.SECONDS);
      return CheckOutcome.pass("late");
    });
  }

  private static HealthCheck passing(String name) {
    return check(name, () -> CheckOutcome.pass(name + " answered"));
  }

  interface Body {
    CheckOutcome run() throws Exception;
  }

  private static HealthCheck check(String name, Body body) {
    return new HealthCheck() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public CheckOutcome run() throws Exception {
        return body.run();
      }
    };
  }
}
