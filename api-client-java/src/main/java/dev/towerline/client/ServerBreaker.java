package dev.towerline.client;

import dev.towerline.protocol.BreakerState;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** The resilience4j circuit breaker around each attempt to reach the server. */
final class ServerBreaker {

  private final CircuitBreaker breaker;
  private final BreakerPolicy policy;
  private final Clock clock;
  private final AtomicReference<Instant> openedAt = new AtomicReference<>();

  ServerBreaker(String name, BreakerPolicy policy, Clock clock, TowerlineListener listener) {
    this.policy = policy;
    this.clock = clock;
    this.breaker =
        CircuitBreaker.of(
            name,
            CircuitBreakerConfig.custom()
                .slidingWindow(policy.windowSize(), policy.minimumCalls(), CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(policy.failureRatePercent())
                .waitDurationInOpenState(policy.openDuration())
                .permittedNumberOfCallsInHalfOpenState(policy.trialCalls())
                .clock(clock)
                .build());
    breaker.getEventPublisher().onStateTransition(event -> {
      CircuitBreaker.State from = event.getStateTransition().getFromState();
      CircuitBreaker.State to = event.getStateTransition().getToState();
      if (to == CircuitBreaker.State.OPEN) {
        openedAt.set(clock.instant());
      }
      if (publicState(from) != null && publicState(to) != null) {
        listener.breakerStateChanged(name, publicState(from), publicState(to));
      }
    });
  }

  /** Refuses the attempt, naming the breaker and when it lets a trial through, while open. */
  void acquire() {
    if (!policy.enabled() || breaker.tryAcquirePermission()) {
      return;
    }
    Instant opened = openedAt.get();
    Duration wait = opened == null ? policy.openDuration() : Duration.between(clock.instant(), opened.plus(policy.openDuration()));
    Duration retryAfter = wait.isNegative() ? Duration.ZERO : wait;
    String message = "CircuitBreaker '" + breaker.getName() + "' is " + breaker.getState()
        + " and does not permit further calls (the server failed too often); next trial in " + retryAfter.toSeconds() + " s";
    throw new CircuitOpenException(new ServerError(
        0, null, message, Map.of("breaker", breaker.getName(), "state", breaker.getState().name()), null, retryAfter));
  }

  /** Counts an attempt: {@code serverMissing} when no server answered (the outage the breaker is for). */
  void record(long startNanos, boolean serverMissing, Throwable failure) {
    if (!policy.enabled()) {
      return;
    }
    long nanos = System.nanoTime() - startNanos;
    if (serverMissing) {
      breaker.onError(nanos, TimeUnit.NANOSECONDS, failure);
    } else {
      breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
    }
  }

  /** The contract's name for a state; null for resilience4j's own (disabled, forced open, …). */
  private static BreakerState publicState(CircuitBreaker.State state) {
    return switch (state) {
      case CLOSED -> BreakerState.CLOSED;
      case OPEN -> BreakerState.OPEN;
      case HALF_OPEN -> BreakerState.HALF_OPEN;
      default -> null;
    };
  }

  /** Gives back the permission of an attempt that was abandoned before it had an outcome. */
  void release() {
    if (policy.enabled()) {
      breaker.releasePermission();
    }
  }
}
