package dev.towerline.server.edge.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.server.adb.MutableClock;
import dev.towerline.server.auth.Actor;
import dev.towerline.server.auth.Role;
import dev.towerline.server.feed.intake.FrameBudget;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who shares a bucket with whom, per role, on a clock the test moves. */
class RateLimitsTest {

  private final MutableClock clock = MutableClock.atTheEpochOfTheTests();
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private final RateLimits limits =
      new RateLimits(
          RateLimitConfig.custom()
              .perRole(Role.VIEWER, Optional.of(new RateLimit(2, Duration.ofSeconds(60))))
              .perRole(Role.OPERATOR, Optional.of(new RateLimit(5, Duration.ofSeconds(10))))
              .perRole(Role.ADMIN, Optional.empty())
              .anonymous(Optional.of(new RateLimit(1, Duration.ofSeconds(60))))
              .build(),
          clock,
          metrics);

  private static final Actor CI = new Actor("ci", Role.VIEWER);
  private static final Actor WALLBOARD = new Actor("wallboard", Role.VIEWER);
  private static final Actor OPS = new Actor("ops", Role.OPERATOR);

  @Test
  void givesEachTokenItsOwnBucketSizedByItsRole() {
    assertThat(limits.takeRequest(CI, "10.0.0.1").orElseThrow().granted()).isTrue();
    assertThat(limits.takeRequest(CI, "10.0.0.2").orElseThrow().granted()).isTrue();
    Quota refused = limits.takeRequest(CI, "10.0.0.3").orElseThrow();

    assertThat(refused.granted()).isFalse();
    assertThat(refused.policy()).isEqualTo("viewer");
    assertThat(refused.retryAfterSeconds()).isEqualTo(30);
    assertThat(limits.takeRequest(WALLBOARD, "10.0.0.1").orElseThrow().granted()).isTrue();
    Quota operator = limits.takeRequest(OPS, "10.0.0.1").orElseThrow();
    assertThat(operator.granted()).isTrue();
    assertThat(operator.remaining()).isEqualTo(4);
    assertThat(operator.policyHeader()).isEqualTo("\"operator\";q=5;w=10");
  }

  @Test
  void refillsAsTheClockMoves() {
    limits.takeRequest(CI, "10.0.0.1");
    limits.takeRequest(CI, "10.0.0.1");

    clock.advance(Duration.ofSeconds(29));
    assertThat(limits.takeRequest(CI, "10.0.0.1").orElseThrow().granted()).isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(limits.takeRequest(CI, "10.0.0.1").orElseThrow().granted()).isTrue();
  }

  @Test
  void limitsAnonymousCallersPerAddressAndExemptsLoopbackByDefault() {
    assertThat(limits.takeRequest(Actor.ANONYMOUS, "203.0.113.9").orElseThrow().granted()).isTrue();
    assertThat(limits.takeRequest(Actor.ANONYMOUS, "203.0.113.9").orElseThrow().granted()).isFalse();
    assertThat(limits.takeRequest(Actor.ANONYMOUS, "203.0.113.10").orElseThrow().granted()).isTrue();

    assertThat(limits.takeRequest(Actor.ANONYMOUS, "127.0.0.1")).isEmpty();
    assertThat(limits.takeRequest(Actor.ANONYMOUS, "::1")).isEmpty();
    assertThat(limits.takeRequest(Actor.ANONYMOUS, "127.8.9.10")).isEmpty();
  }

  @Test
  void limitsTokenHoldersOnLoopbackToo() {
    limits.takeRequest(CI, "127.0.0.1");
    limits.takeRequest(CI, "127.0.0.1");

    assertThat(limits.takeRequest(CI, "127.0.0.1").orElseThrow().granted()).isFalse();
  }

  @Test
  void appliesNoQuotaWhereItIsOff() {
    assertThat(limits.takeRequest(new Actor("root", Role.ADMIN), "10.0.0.1")).isEmpty();
  }

  @Test
  void tellsWithoutTakingWhetherACallersRequestsComeOutOfAQuota() {
    assertThat(limits.takesNoRequestFrom(Actor.ANONYMOUS, "127.0.0.1")).isTrue();
    assertThat(limits.takesNoRequestFrom(new Actor("root", Role.ADMIN), "10.0.0.1")).isTrue();
    assertThat(limits.takesNoRequestFrom(Actor.ANONYMOUS, "10.0.0.1")).isFalse();
    assertThat(limits.takesNoRequestFrom(CI, "127.0.0.1")).isFalse();
    // Asking took nothing: the anonymous quota of one is still there.
    assertThat(limits.takeRequest(Actor.ANONYMOUS, "10.0.0.1").orElseThrow().granted()).isTrue();
    assertThat(limits.takeRequest(CI, "10.0.0.1").orElseThrow().granted()).isTrue();
    assertThat(limits.takeRequest(CI, "10.0.0.1").orElseThrow().granted()).isTrue();
  }

  @Test
  void countsRefusalsByLimitAndPolicy() {
    for (int i = 0; i < 3; i++) {
      limits.takeRequest(CI, "10.0.0.1");
    }

    assertThat(metrics.get(RateLimits.METRIC).tag("limit", "http").tag("policy", "viewer").counter().count()).isEqualTo(1.0);
  }

  @Test
  void givesEachConnectionItsOwnFrameBudget() {
    RateLimits frames =
        new RateLimits(
            RateLimitConfig.custom().webSocketFrames(Optional.of(new RateLimit(2, Duration.ofSeconds(60)))).build(), clock, metrics);
    FrameBudget first = frames.newFrameBudget();
    FrameBudget second = frames.newFrameBudget();

    assertThat(first.take()).isTrue();
    assertThat(first.take()).isTrue();
    assertThat(first.take()).isFalse();
    assertThat(second.take()).isTrue();
    clock.advance(Duration.ofSeconds(30));
    assertThat(first.take()).isTrue();
  }

  @Test
  void tellsLoopbackAddressesFromOthersWithoutLookingNamesUp() {
    assertThat(RateLimits.isLoopback("127.0.0.1")).isTrue();
    assertThat(RateLimits.isLoopback("0:0:0:0:0:0:0:1")).isTrue();
    assertThat(RateLimits.isLoopback("10.0.0.1")).isFalse();
    assertThat(RateLimits.isLoopback("localhost")).isFalse();
    assertThat(RateLimits.isLoopback("")).isFalse();
  }
}
