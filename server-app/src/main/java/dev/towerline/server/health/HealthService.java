package dev.towerline.server.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Whether the server is alive and ready. Dependency checks ({@code /health/full}) come with the
 * dependencies; until then the server is ready as soon as it serves HTTP.
 */
public final class HealthService {

  private final String apiVersion;
  private final Clock clock;
  private final Instant startedAt;

  /**
   * @param apiVersion the contract version the server implements
   * @param clock time source; uptime counts from construction
   */
  public HealthService(String apiVersion, Clock clock) {
    this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.startedAt = clock.instant();
  }

  public LivenessReport liveness() {
    Duration uptime = Duration.between(startedAt, clock.instant());
    return new LivenessReport(apiVersion, uptime.isNegative() ? Duration.ZERO : uptime);
  }

  /** True when the server accepts traffic. */
  public boolean isReady() {
    return true;
  }
}
