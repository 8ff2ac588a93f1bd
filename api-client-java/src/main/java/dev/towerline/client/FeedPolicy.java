package dev.towerline.client;

import java.time.Duration;

/**
 * How a feed subscription reconnects and when it calls a server silent. After a lost connection it
 * waits a uniformly random time in {@code [0, reconnectCeiling(n)]} before attempt {@code n}
 * ("full jitter", so a lab's clients do not all come back at once), where the ceiling doubles from
 * {@link #initialBackoff()} up to {@link #maxBackoff()}. A close with 1001 (going away) or 1012
 * (service restart) is followed by one immediate attempt. A server that sends nothing, not even its
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

  /** Heartbeat intervals without a frame after which the server counts as gone: 2. */
  public static final int DEFAULT_SILENT_HEARTBEATS = 2;

  private static final FeedPolicy DEFAULTS = custom().build();

  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final int silentHeartbeats;

  private FeedPolicy(Builder builder) {
    this.initialBackoff = builder.initialBackoff;
    this.maxBackoff = builder.maxBackoff;
    this.silentHeartbeats = builder.silentHeartbeats;
  }

  public static FeedPolicy ofDefaults() {
    return DEFAULTS;
  }

  public static Builder custom() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().initialBackoff(initialBackoff).maxBackoff(maxBackoff).silentHeartbeats(silentHeartbeats);
  }

  public Duration initialBackoff() {
    return initialBackoff;
  }

  public Duration maxBackoff() {
    return maxBackoff;
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
        + ", silentHeartbeats=" + silentHeartbeats + '}';
  }

  /** Builds a {@link FeedPolicy}; each setter refuses a bad value and names it. */
  public static final class Builder {
    private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
    private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
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
