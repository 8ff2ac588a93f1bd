package dev.towerline.server.adb;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One circuit breaker (the ADB server's or a device's) and what {@link LinkHealth} shows about it
 * beyond resilience4j's own metrics: failures in a row, the last failure, and when it opened.
 */
final class BreakerLink {

  private final String serial;
  private final String label;
  private final CircuitBreaker breaker;
  private final Clock clock;
  private final Duration cooldown;
  private final AtomicLong consecutiveFailures = new AtomicLong();
  private volatile Instant lastFailureAt;
  private volatile AdbException lastError;
  private volatile Instant openedAt;

  /**
   * @param serial the device; {@code null} for the ADB server's breaker
   * @param label how refusals name it: "device 'X'" or "ADB server host:port"
   * @param changed told after every change of the link's health
   * @param transitions told about every state transition, after the health was updated
   */
  BreakerLink(String serial, String label, CircuitBreaker breaker, Clock clock,
      Duration cooldown, Consumer<BreakerLink> changed,
      Consumer<CircuitBreakerOnStateTransitionEvent> transitions) {
    this.serial = serial;
    this.label = label;
    this.breaker = breaker;
    this.clock = clock;
    this.cooldown = cooldown;
    breaker.getEventPublisher()
        .onError(event -> {
          consecutiveFailures.incrementAndGet();
          lastFailureAt = clock.instant();
          if (event.getThrowable() instanceof AdbException failure) {
            lastError = failure;
          }
          changed.accept(this);
        })
        .onSuccess(event -> {
          if (consecutiveFailures.getAndSet(0) > 0) {
            changed.accept(this);
          }
        })
        .onStateTransition(event -> {
          if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
            openedAt = clock.instant();
          }
          transitions.accept(event);
          changed.accept(this);
        });
  }

  /** The device; {@code null} for the ADB server's breaker. */
  String serial() {
    return serial;
  }

  String label() {
    return label;
  }

  CircuitBreaker breaker() {
    return breaker;
  }

  /** Runs {@code call} through the breaker; a refusal becomes {@link AdbCircuitOpenException}. */
  <T> T execute(String operation, Supplier<T> call) {
    try {
      return breaker.executeSupplier(call);
    } catch (CallNotPermittedException refused) {
      throw refusal(operation);
    }
  }

  LinkHealth health() {
    LinkHealth.State state = stateOf(breaker.getState());
    return new LinkHealth(state, consecutiveFailures.get(), lastFailureAt,
        state == LinkHealth.State.OPEN ? retryAfter() : null, lastError);
  }

  AdbCircuitOpenException refusal(String operation) {
    boolean halfOpen = breaker.getState() == CircuitBreaker.State.HALF_OPEN;
    // Half-open: a trial call is under way and decides within one call time-out; come back soon.
    Duration after = halfOpen ? Duration.ofSeconds(1) : retryAfter();
    String message = "ADB circuit breaker for " + label + " is "
        + (halfOpen ? "half-open and testing the link" : "open") + "; retry in "
        + AdbCircuitOpenException.ceilSeconds(after) + " s";
    return new AdbCircuitOpenException(message, breaker.getName(), operation, serial, after);
  }

  private Duration retryAfter() {
    Instant opened = openedAt;
    if (opened == null) {
      return cooldown;
    }
    Duration left = Duration.between(clock.instant(), opened.plus(cooldown));
    return left.isNegative() ? Duration.ZERO : left;
  }

  static LinkHealth.State stateOf(CircuitBreaker.State state) {
    switch (state) {
      case OPEN:
      case FORCED_OPEN:
        return LinkHealth.State.OPEN;
      case HALF_OPEN:
        return LinkHealth.State.HALF_OPEN;
      default:
        return LinkHealth.State.CLOSED;
    }
  }
}
