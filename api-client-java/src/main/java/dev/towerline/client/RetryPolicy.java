package dev.towerline.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how long the SDK retries a transient failure: exponential backoff with full
 * jitter, from {@link #initialBackoff()} doubling up to {@link #maxBackoff()}, honouring a
 * server's {@code Retry-After}, and stopping after {@link #maxAttempts()} attempts or when the
 * next wait would end after {@link #maxTotalTime()} from the first attempt.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.custom().maxAttempts(6).maxTotalTime(Duration.ofMinutes(1)).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class RetryPolicy {

  /** Attempts per logical call, the first included. */
  public static final int DEFAULT_MAX_ATTEMPTS = 4;

  /** Upper bound of the first jittered wait: 200 ms. */
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(200);

  /** Upper bound of any computed wait: 10 s. A longer {@code Retry-After} still counts. */
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(10);

  /** Time from the first attempt after which no retry starts: 30 s. */
  public static final Duration DEFAULT_MAX_TOTAL_TIME = Duration.ofSeconds(30);

  private static final RetryPolicy DEFAULTS = custom().build();
  private static final RetryPolicy NONE = custom().maxAttempts(1).build();

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxTotalTime;

  private RetryPolicy(Builder builder) {
    this.maxAttempts = builder.maxAttempts;
    this.initialBackoff = builder.initialBackoff;
    this.maxBackoff = builder.maxBackoff;
    this.maxTotalTime = builder.maxTotalTime;
  }

  public static RetryPolicy ofDefaults() {
    return DEFAULTS;
  }

  /** One attempt, never a retry. */
  public static RetryPolicy none() {
    return NONE;
  }

  public static Builder custom() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .maxAttempts(maxAttempts)
        .initialBackoff(initialBackoff)
        .maxBackoff(maxBackoff)
        .maxTotalTime(maxTotalTime);
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration initialBackoff() {
    return initialBackoff;
  }

  public Duration maxBackoff() {
    return maxBackoff;
  }

  public Duration maxTotalTime() {
    return maxTotalTime;
  }

  /**
   * The upper bound of the wait before retry number {@code retry} (1 for the first retry):
   * {@code min(maxBackoff, initialBackoff * 2^(retry-1))}. The SDK waits a uniformly random
   * time in {@code [0, bound]} ("full jitter", so clients that failed together do not retry
   * together).
   */
  public Duration backoffCeiling(int retry) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry must be >= 1: " + retry);
    }
    // 2^30 * any positive backoff already exceeds every sensible maximum; avoids overflow.
    long factor = 1L << Math.min(retry - 1, 30);
    long millis = initialBackoff.toMillis();
    long ceiling = millis > maxBackoff.toMillis() / factor ? maxBackoff.toMillis() : millis * factor;
    return Duration.ofMillis(Math.min(ceiling, maxBackoff.toMillis()));
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
        + ", maxBackoff=" + maxBackoff + ", maxTotalTime=" + maxTotalTime + '}';
  }

  /** Builds a {@link RetryPolicy}; each setter refuses a bad value and names it. */
  public static final class Builder {
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
    private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
    private Duration maxTotalTime = DEFAULT_MAX_TOTAL_TIME;

    private Builder() {}

    /** At least 1 (no retry); the first attempt counts. */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be >= 1: " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** Positive. */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = positive("initialBackoff", initialBackoff);
      return this;
    }

    /** Positive, and not below {@link #initialBackoff(Duration)} (checked by {@link #build()}). */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = positive("maxBackoff", maxBackoff);
      return this;
    }

    /** Positive. */
    public Builder maxTotalTime(Duration maxTotalTime) {
      this.maxTotalTime = positive("maxTotalTime", maxTotalTime);
      return this;
    }

    public RetryPolicy build() {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException(
            "maxBackoff must be >= initialBackoff (" + initialBackoff + "): " + maxBackoff);
      }
      return new RetryPolicy(this);
    }
  }

  static Duration positive(String name, Duration value) {
    Objects.requireNonNull(value, name + " == null");
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
    return value;
  }
}
