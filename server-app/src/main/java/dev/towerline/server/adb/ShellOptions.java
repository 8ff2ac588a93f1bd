package dev.towerline.server.adb;

import java.time.Duration;
import java.util.Objects;

/**
 * How a shell command runs: its time limit (from the call until the exit status, setup included)
 * and an optional {@link CancellationSignal}.
 *
 * <pre>{@code
 * CancellationSignal cancel = new CancellationSignal();
 * ShellOptions options = ShellOptions.builder().timeout(Duration.ofSeconds(60)).cancellation(cancel).build();
 * }</pre>
 */
public final class ShellOptions {

  /** The longest time limit a command may have. */
  public static final Duration MAX_TIMEOUT = Duration.ofHours(24);

  private final Duration timeout;
  private final CancellationSignal cancellation;

  private ShellOptions(Builder builder) {
    this.timeout = builder.timeout;
    this.cancellation = builder.cancellation == null ? new CancellationSignal()
        : builder.cancellation;
  }

  /** A command limited to {@code timeout}, not cancellable from outside. */
  public static ShellOptions ofTimeout(Duration timeout) {
    return builder().timeout(timeout).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Duration timeout() {
    return timeout;
  }

  public CancellationSignal cancellation() {
    return cancellation;
  }

  @Override
  public String toString() {
    return "ShellOptions{timeout=" + timeout + ", cancelled=" + cancellation.isCancelled() + '}';
  }

  /** Builds {@link ShellOptions}; the timeout is required. */
  public static final class Builder {
    private Duration timeout;
    private CancellationSignal cancellation;

    private Builder() {}

    /** Positive, at most 24 hours. */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
        throw new IllegalArgumentException(
            "shell timeout must be positive and at most " + MAX_TIMEOUT + ": " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    public Builder cancellation(CancellationSignal cancellation) {
      this.cancellation = Objects.requireNonNull(cancellation, "cancellation");
      return this;
    }

    public ShellOptions build() {
      if (timeout == null) {
        throw new IllegalStateException("shell timeout is required");
      }
      return new ShellOptions(this);
    }
  }
}
