package dev.towerline.server.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Whether the server is alive and ready: ready once it serves HTTP and every {@link StartupStep}
 * it was told to wait for is done. Dependency checks ({@code /health/full}) live in {@link
 * DependencyHealth}.
 */
public final class HealthService {

  private final String apiVersion;
  private final Clock clock;
  private final Instant startedAt;
  private final List<StartupStep> steps = new CopyOnWriteArrayList<>();

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

  /** Counts {@code step} among what must finish before the server is ready. */
  public void waitFor(StartupStep step) {
    steps.add(Objects.requireNonNull(step, "step"));
  }

  /** Steps of starting still under way, by name, with what each waits for; empty when ready. */
  public Map<String, String> pendingStartup() {
    Map<String, String> pending = new LinkedHashMap<>();
    for (StartupStep step : steps) {
      step.waitingFor().ifPresent(reason -> pending.put(step.name(), reason));
    }
    return pending;
  }

  /** True when the server accepts traffic and has finished every step of starting. */
  public boolean isReady() {
    return pendingStartup().isEmpty();
  }
}
