package dev.towerline.server.adb;

import dev.towerline.server.health.CheckOutcome;
import dev.towerline.server.health.HealthCheck;
import java.time.Duration;
import java.util.Objects;

/**
 * Asks the ADB server for its version and device count, for {@code /health/full}: no retries, no
 * breakers (a health check reports the truth, it does not protect anyone), and bounded by the
 * budget it is given — every socket of the check has at most the time left, so the calling thread
 * is back within {@code budget} (plus scheduling noise) even when ADB hangs.
 */
public final class AdbHealthProbe {

  private final AdbConfig config;

  /** A probe of the server {@code config} names, with its connect time-out as an upper bound. */
  public AdbHealthProbe(AdbConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** What one check found. */
  public record Result(boolean ok, Duration duration, String message) {
    public Result {
      Objects.requireNonNull(duration, "duration");
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * Checks the server within {@code budget}, e.g. "ADB server 127.0.0.1:5037 answered version 41;
   * 12 devices".
   */
  public Result check(Duration budget) {
    Objects.requireNonNull(budget, "budget");
    if (budget.isNegative() || budget.isZero()) {
      throw new IllegalArgumentException("budget must be positive: " + budget);
    }
    long started = System.nanoTime();
    try {
      int version = clientWithin(budget).serverVersion();
      Duration left = budget.minus(Duration.ofNanos(System.nanoTime() - started));
      if (left.isNegative() || left.isZero()) {
        return new Result(true, since(started), "ADB server " + config.adbServer()
            + " answered version " + version);
      }
      int devices = clientWithin(left).devices().size();
      return new Result(true, since(started), "ADB server " + config.adbServer()
          + " answered version " + version + "; " + devices + (devices == 1 ? " device"
          : " devices"));
    } catch (AdbException e) {
      return new Result(false, since(started), e.getMessage());
    }
  }

  /**
   * This probe as the {@code adb} check of {@code /health/full}; each run is bounded by {@code
   * budget}, which should be a little below the health runner's own budget.
   */
  public HealthCheck asHealthCheck(Duration budget) {
    Objects.requireNonNull(budget, "budget");
    if (budget.isNegative() || budget.isZero()) {
      throw new IllegalArgumentException("budget must be positive: " + budget);
    }
    return new HealthCheck() {
      @Override
      public String name() {
        return "adb";
      }

      @Override
      public CheckOutcome run() {
        Result result = check(budget);
        return result.ok() ? CheckOutcome.pass(result.message())
            : CheckOutcome.fail(result.message());
      }
    };
  }

  private SocketAdbClient clientWithin(Duration limit) {
    Duration connect = config.connectTimeout().compareTo(limit) < 0 ? config.connectTimeout()
        : limit;
    return new SocketAdbClient(config.toBuilder().callTimeout(limit).connectTimeout(connect)
        .build());
  }

  private static Duration since(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }
}
