package dev.towerline.client;

import java.time.Duration;

/**
 * How a feed subscription reconnects and when it calls a server silent. After a lost connection it
 * waits a uniformly random time in {@code [0, reconnectCeiling(n)]} before attempt {@code n}
 * ("full jitter", so a lab's clients do not all come back at once), where the ceiling doubles from
 * {@link #initialBackoff()} up to {@link #maxBackoff()}. A close with 1001 (going away) or 1012
 * (service restart) is followed by one immediate attempt; the server is expected back soon, so for
 * {@link #restartWindow()} after such a close no wait exceeds {@link #restartBackoff()} (a client
 * is back within about that long of the server, instead of waiting out a backoff that grew while
 * the server was down). A server that sends nothing, not even its
 * heartbeat, for {@link #silentHeartbeats()} of its announced intervals is dropped and replaced.
 *
 * <pre>{@code
 * FeedPolicy policy = FeedPolicy.custom().maxBackoff(Duration.ofMinutes(1)).build();
 * TowerlineClient.builder().baseUrl("http://lab-host:8080/").feedPolicy(policy).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class FeedPolicy {

  /** Upper bound of the first jittered wait: 1 s. */
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(1);

  /** Upper bound of any wait: 5 min, as the contract asks of clients. */
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMinutes(5);

  /** Longest {@link #maxBackoff()} allowed: 1 h. */
  public static final Duration LONGEST_MAX_BACKOFF = Duration.ofHours(1);

  /** Upper bound of any wait while a server announced as restarting is expected back: 2 s. */
  public static final Duration DEFAULT_RESTART_BACKOFF = Duration.ofSeconds(2);

  /** How long after a 1001/1012 close waits stay within {@link #restartBackoff()}: 2 min. */
  public static final Duration DEFAULT_RESTART_WINDOW = Duration.ofMinutes(2);

  /** Heartbeat intervals without a frame after which the server counts as gone: 2. */
  public static final int DEFAULT_SILENT_HEARTBEATS = 2;

  private static final FeedPolicy DEFAULTS = custom().build();

  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration restartBackoff;
  private final Duration restartWindow;
  private final int silentHeartbeats;

  private FeedPolicy(Builder builder) {
    this.initialBackoff = builder.initialBackoff;
    this.maxBackoff = builder.maxBackoff;
    this.restartBackoff = builder.restartBackoff;
    this.restartWindow = builder.restartWindow;
    this.silentHeartbeats = builder.silentHeartbeats;
  }

  public static FeedPolicy ofDefaults() {
    return DEFAULTS;
  }

  public static Builder custom() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .initialBackoff(initialBackoff)
        .maxBackoff(maxBackoff)
        .restartBackoff(restartBackoff)
        .restartWindow(restartWindow)
        .silentHeartbeats(silentHeartbeats);
  }

  public Duration initialBackoff() {
    return initialBackoff;
  }

  public Duration maxBackoff() {
    return maxBackoff;
  }

  public Duration restartBackoff() {
    return restartBackoff;
  }

  public Duration restartWindow() {
    return restartWindow;
  }

  /**
   * The upper bound of the wait before reconnect attempt {@code attempt}, {@code sinceRestart}
   * after the server closed with 1001 or 1012 (empty when the connection was lost otherwise):
   * {@link #reconnectCeiling(int)}, capped at {@link #restartBackoff()} within the restart window.
   */
  public Duration reconnectCeiling(int attempt, java.util.Optional<Duration> sinceRestart) {
    Duration usual = reconnectCeiling(attempt);
    boolean restarting = sinceRestart.map(elapsed -> elapsed.compareTo(restartWindow) < 0).orElse(false);
    return restarting && usual.compareTo(restartBackoff) > 0 ? restartBackoff : usual;
  }

  public int silentHeartbeats() {
    return silentHeartbeats;
  }

  /**
   * The upper bound of the wait before reconnect attempt {@code attempt} (1 for the first after a
   * loss): {@code min(maxBackoff, initialBackoff * 2^(attempt-1))}.
   */
  public Duration reconnectCeiling(int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be >= 1: " + attempt);
    }
    long max = maxBackoff.toMillis();
    long initial = initialBackoff.toMillis();
    // Past 2^30 every sensible ceiling is already the maximum; avoids overflow.
    long factor = 1L << Math.min(attempt - 1, 30);
    return Duration.ofMillis(initial > max / factor ? max : Math.min(max, initial * factor));
  }

  @Override
  public String toString() {
    return "FeedPolicy{initialBackoff=" + initialBackoff + ", maxBackoff=" + maxBackoff
        + ", restartBackoff=" + restartBackoff + ", restartWindow=" + restartWindow
        + ", silentHeartbeats=" + silentHeartbeats + '}';
  }

  /** Builds a {@link FeedPolicy}; each setter refuses a bad value and names it. */
  public static final class Builder {
    private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
    private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
    private Duration restartBackoff = DEFAULT_RESTART_BACKOFF;
    private Duration restartWindow = DEFAULT_RESTART_WINDOW;
    private int silentHeartbeats = DEFAULT_SILENT_HEARTBEATS;

    private Builder() {}

    /** At least 1 ms. */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = atLeastOneMilli("initialBackoff", initialBackoff);
      return this;
    }

    /** At least 1 ms, at most {@link #LONGEST_MAX_BACKOFF}, not below the initial backoff. */
    public Builder maxBackoff(Duration maxBackoff) {
      atLeastOneMilli("maxBackoff", maxBackoff);
      if (maxBackoff.compareTo(LONGEST_MAX_BACKOFF) > 0) {
        throw new IllegalArgumentException("maxBackoff must be <= " + LONGEST_MAX_BACKOFF + ": " + maxBackoff);
      }
      this.maxBackoff = maxBackoff;
      return this;
    }

    /** At least 1 ms, at most {@link #LONGEST_MAX_BACKOFF}. */
    public Builder restartBackoff(Duration restartBackoff) {
      atLeastOneMilli("restartBackoff", restartBackoff);
      if (restartBackoff.compareTo(LONGEST_MAX_BACKOFF) > 0) {
        throw new IllegalArgumentException("restartBackoff must be <= " + LONGEST_MAX_BACKOFF + ": " + restartBackoff);
      }
      this.restartBackoff = restartBackoff;
      return this;
    }

    /** Zero (waits are never capped after a restart close) or more, at most 1 h. */
    public Builder restartWindow(Duration restartWindow) {
      java.util.Objects.requireNonNull(restartWindow, "restartWindow == null");
      if (restartWindow.isNegative()) {
        throw new IllegalArgumentException("restartWindow must not be negative: " + restartWindow);
      }
      if (restartWindow.compareTo(LONGEST_MAX_BACKOFF) > 0) {
        throw new IllegalArgumentException("restartWindow must be <= " + LONGEST_MAX_BACKOFF + ": " + restartWindow);
      }
      this.restartWindow = restartWindow;
      return this;
    }

    /** 1 to 10 of the server's heartbeat intervals. */
    public Builder silentHeartbeats(int silentHeartbeats) {
      if (silentHeartbeats < 1 || silentHeartbeats > 10) {
        throw new IllegalArgumentException("silentHeartbeats must be 1..10: " + silentHeartbeats);
      }
      this.silentHeartbeats = silentHeartbeats;
      return this;
    }

    public FeedPolicy build() {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException(
            "maxBackoff must be >= initialBackoff (" + initialBackoff + "): " + maxBackoff);
      }
      return new FeedPolicy(this);
    }

    private static Duration atLeastOneMilli(String name, Duration value) {
      RetryPolicy.positive(name, value);
      if (value.toMillis() < 1) {
        throw new IllegalArgumentException(name + " must be at least 1 ms: " + value);
      }
      return value;
    }
  }
}
