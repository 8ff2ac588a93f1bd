package dev.towerline.server.adb;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The health of the ADB link to one device (or to the ADB server), as its circuit breaker sees
 * it: the breaker's state, failures in a row, the last failure and, while open, when it lets a
 * trial call through. Immutable.
 */
public final class LinkHealth {

  /** A circuit breaker's state. */
  public enum State {
    /** Calls go through. */
    CLOSED,
    /** Calls are refused at once until the cool-down ends. */
    OPEN,
    /** One trial call goes through; its outcome closes or re-opens the breaker. */
    HALF_OPEN
  }

  private static final LinkHealth HEALTHY = new LinkHealth(State.CLOSED, 0, null, null, null);

  private final State state;
  private final long consecutiveFailures;
  private final Instant lastFailureAt;
  private final Duration retryAfter;
  private final AdbException lastError;

  /**
   * @param lastFailureAt {@code null} when no call has failed yet
   * @param retryAfter {@code null} unless {@code state} is {@link State#OPEN}
   * @param lastError {@code null} when no call has failed yet
   */
  public LinkHealth(State state, long consecutiveFailures, Instant lastFailureAt,
      Duration retryAfter, AdbException lastError) {
    this.state = Objects.requireNonNull(state, "state");
    if (consecutiveFailures < 0) {
      throw new IllegalArgumentException("consecutiveFailures must not be negative: "
          + consecutiveFailures);
    }
    this.consecutiveFailures = consecutiveFailures;
    this.lastFailureAt = lastFailureAt;
    this.retryAfter = retryAfter;
    this.lastError = lastError;
  }

  /** A link that has never failed: closed, no failures. */
  public static LinkHealth healthy() {
    return HEALTHY;
  }

  public State state() {
    return state;
  }

  /** Calls that failed in a row; a success resets it. */
  public long consecutiveFailures() {
    return consecutiveFailures;
  }

  public Optional<Instant> lastFailureAt() {
    return Optional.ofNullable(lastFailureAt);
  }

  /** While open: time until a trial call is let through. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** The failure of the last failed call, kept after later successes. */
  public Optional<AdbException> lastError() {
    return Optional.ofNullable(lastError);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LinkHealth that
        && state == that.state
        && consecutiveFailures == that.consecutiveFailures
        && Objects.equals(lastFailureAt, that.lastFailureAt)
        && Objects.equals(retryAfter, that.retryAfter)
        && Objects.equals(lastError, that.lastError);
  }

  @Override
  public int hashCode() {
    return Objects.hash(state, consecutiveFailures, lastFailureAt, retryAfter, lastError);
  }

  @Override
  public String toString() {
    return "LinkHealth{" + state + ", consecutiveFailures=" + consecutiveFailures
        + (lastFailureAt == null ? "" : ", lastFailureAt=" + lastFailureAt)
        + (retryAfter == null ? "" : ", retryAfter=" + retryAfter)
        + (lastError == null ? "" : ", lastError=" + lastError.getMessage()) + '}';
  }
}
