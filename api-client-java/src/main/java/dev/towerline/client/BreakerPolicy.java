package dev.towerline.client;

import java.time.Duration;

/**
 * When the SDK stops calling a failing server for a while (a resilience4j circuit breaker around
 * each attempt): once at least {@link #minimumCalls()} of the last {@link #windowSize()} attempts
 * were made and {@link #failureRatePercent()} % of them found no server (connection failures,
 * time-outs, 502/503/504), calls fail fast with {@link CircuitOpenException} for {@link
 * #openDuration()}; then {@link #trialCalls()} trial calls decide whether it closes again.
 * Answers of the server (2xx, 4xx, 500) count as successes: the server is there.
 *
 * <p>Immutable; {@link #disabled()} turns the breaker off.
 *
 * <pre>{@code
 * TowerlineClient towerline = TowerlineClient.builder()
 *     .baseUrl(url)
 *     .breakerPolicy(BreakerPolicy.custom().openDuration(Duration.ofSeconds(10)).build())
 *     .build();
 * }</pre>
 */
public final class BreakerPolicy {

  public static final int DEFAULT_WINDOW_SIZE = 20;
  public static final int DEFAULT_MINIMUM_CALLS = 10;
  public static final int DEFAULT_FAILURE_RATE_PERCENT = 50;
  /** Time the breaker stays open before trial calls: 30 s. */
  public static final Duration DEFAULT_OPEN_DURATION = Duration.ofSeconds(30);
  public static final int DEFAULT_TRIAL_CALLS = 2;

  private static final BreakerPolicy DEFAULTS = custom().build();
  private static final BreakerPolicy DISABLED = new BreakerPolicy(custom(), false);

  private final int windowSize;
  private final int minimumCalls;
  private final int failureRatePercent;
  private final Duration openDuration;
  private final int trialCalls;
  private final boolean enabled;

  private BreakerPolicy(Builder builder, boolean enabled) {
    this.windowSize = builder.windowSize;
    this.minimumCalls = builder.minimumCalls;
    this.failureRatePercent = builder.failureRatePercent;
    this.openDuration = builder.openDuration;
    this.trialCalls = builder.trialCalls;
    this.enabled = enabled;
  }

  public static BreakerPolicy ofDefaults() {
    return DEFAULTS;
  }

  public static BreakerPolicy disabled() {
    return DISABLED;
  }

  public static Builder custom() {
    return new Builder();
  }

  public int windowSize() {
    return windowSize;
  }

  public int minimumCalls() {
    return minimumCalls;
  }

  public int failureRatePercent() {
    return failureRatePercent;
  }

  public Duration openDuration() {
    return openDuration;
  }

  public int trialCalls() {
    return trialCalls;
  }

  public boolean enabled() {
    return enabled;
  }

  /** Builds a {@link BreakerPolicy}; each setter refuses a bad value and names it. */
  public static final class Builder {
    private int windowSize = DEFAULT_WINDOW_SIZE;
    private int minimumCalls = DEFAULT_MINIMUM_CALLS;
    private int failureRatePercent = DEFAULT_FAILURE_RATE_PERCENT;
    private Duration openDuration = DEFAULT_OPEN_DURATION;
    private int trialCalls = DEFAULT_TRIAL_CALLS;

    private Builder() {}

    /** Attempts remembered; at least 1. */
    public Builder windowSize(int windowSize) {
      this.windowSize = atLeastOne("windowSize", windowSize);
      return this;
    }

    /** Attempts needed before the rate counts; at least 1. */
    public Builder minimumCalls(int minimumCalls) {
      this.minimumCalls = atLeastOne("minimumCalls", minimumCalls);
      return this;
    }

    /** 1 to 100. */
    public Builder failureRatePercent(int failureRatePercent) {
      if (failureRatePercent < 1 || failureRatePercent > 100) {
        throw new IllegalArgumentException("failureRatePercent must be in 1..100: " + failureRatePercent);
      }
      this.failureRatePercent = failureRatePercent;
      return this;
    }

    /** Positive. */
    public Builder openDuration(Duration openDuration) {
      this.openDuration = RetryPolicy.positive("openDuration", openDuration);
      return this;
    }

    /** At least 1. */
    public Builder trialCalls(int trialCalls) {
      this.trialCalls = atLeastOne("trialCalls", trialCalls);
      return this;
    }

    public BreakerPolicy build() {
      return new BreakerPolicy(this, true);
    }

    private static int atLeastOne(String name, int value) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be >= 1: " + value);
      }
      return value;
    }
  }
}
