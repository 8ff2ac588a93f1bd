package dev.towerline.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a {@link FeedSubscription} stands: {@code CONNECTING → LIVE}, after a loss {@code
 * RECONNECTING} (in {@link #retryIn()}) then {@code CONNECTING} again, {@code RESYNCED} when the
 * server replaced the state with a fresh snapshot, and finally {@code CLOSED}, or {@code FAILED}
 * when the server refused the subscription for good (401/403, or a close saying the client is at
 * fault). Immutable.
 */
public final class FeedState {

  /** The phases of a subscription. */
  public enum Phase {
    /** Opening a connection. */
    CONNECTING,
    /** Connected, receiving events. */
    LIVE,
    /** Connected, receiving events, after a resync replaced the listener's state. */
    RESYNCED,
    /** The connection was lost; the next attempt starts after {@link #retryIn()}. */
    RECONNECTING,
    /** The server refused the subscription; it will not retry. See {@link #failure()}. */
    FAILED,
    /** Closed by the caller or by the client's close. */
    CLOSED
  }

  private final Phase phase;
  private final Duration retryIn;
  private final TowerlineException failure;

  private FeedState(Phase phase, Duration retryIn, TowerlineException failure) {
    this.phase = phase;
    this.retryIn = retryIn;
    this.failure = failure;
  }

  /** A state without a wait or failure: CONNECTING, LIVE, RESYNCED or CLOSED. */
  public static FeedState of(Phase phase) {
    return new FeedState(Objects.requireNonNull(phase, "phase == null"), null, null);
  }

  public static FeedState reconnecting(Duration retryIn, TowerlineException failure) {
    return new FeedState(Phase.RECONNECTING, Objects.requireNonNull(retryIn, "retryIn == null"), failure);
  }

  public static FeedState failed(TowerlineException failure) {
    return new FeedState(Phase.FAILED, null, Objects.requireNonNull(failure, "failure == null"));
  }

  public Phase phase() {
    return phase;
  }

  /** True when events flow: LIVE or RESYNCED. */
  public boolean isLive() {
    return phase == Phase.LIVE || phase == Phase.RESYNCED;
  }

  /** The wait before the next attempt, when RECONNECTING. */
  public Optional<Duration> retryIn() {
    return Optional.ofNullable(retryIn);
  }

  /**
   * Why the last connection ended or could not be opened (RECONNECTING, FAILED): a {@link
   * TowerlineException} of the usual family, e.g. {@link NotAuthorizedException} for a refused
   * handshake, {@link UnavailableException} for a 503, {@link TowerlineTransportException} for a
   * lost connection or a close frame.
   */
  public Optional<TowerlineException> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FeedState state
        && phase == state.phase && Objects.equals(retryIn, state.retryIn) && failure == state.failure;
  }

  @Override
  public int hashCode() {
    return Objects.hash(phase, retryIn);
  }

  @Override
  public String toString() {
    return switch (phase) {
      case RECONNECTING -> "RECONNECTING in " + retryIn + (failure == null ? "" : " (" + failure.getMessage() + ")");
      case FAILED -> "FAILED (" + failure.getMessage() + ")";
      default -> phase.name();
    };
  }
}
