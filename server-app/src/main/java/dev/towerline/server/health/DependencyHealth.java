package dev.towerline.server.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs every check in parallel, each within its own budget, so {@code /health/full} answers in
 * about one budget even when a dependency hangs. A check still running from an earlier request
 * is awaited rather than started again, so a hung dependency holds one thread, not one per
 * request.
 */
public final class DependencyHealth implements AutoCloseable {
  /** Leaves room under the contract's 2 s for the HTTP round trip. */
  public static final Duration DEFAULT_BUDGET = Duration.ofMillis(1500);

  private final List<HealthCheck> checks;
  private final Duration budget;
  private final Clock clock;
  private final ExecutorService executor;
  private final Map<String, Running> running = new ConcurrentHashMap<>();

  private record Running(CompletableFuture<CheckOutcome> outcome, long startedNanos) {}

  public DependencyHealth(List<HealthCheck> checks, Duration budget, Clock clock) {
    this.checks = List.copyOf(checks);
    this.budget = budget;
    this.clock = clock;
    AtomicInteger threads = new AtomicInteger();
    this.executor =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "health-check-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  public DependencyReport check() {
    Instant checkedAt = clock.instant();
    long started = System.nanoTime();
    List<CompletableFuture<CheckResult>> results = checks.stream().map(this::start).toList();
    List<CheckResult> done = results.stream().map(CompletableFuture::join).toList();
    return new DependencyReport(checkedAt, Duration.ofNanos(System.nanoTime() - started), done);
  }

  private CompletableFuture<CheckResult> start(HealthCheck check) {
    Running run =
        running.compute(
            check.name(),
            (name, previous) ->
                previous != null && !previous.outcome().isDone()
                    ? previous
                    : new Running(CompletableFuture.supplyAsync(() -> runSafely(check), executor), System.nanoTime()));
    long waitStarted = System.nanoTime();
    // A copy times out for this request only; the shared run goes on for the next one.
    return run.outcome()
        .copy()
        .completeOnTimeout(null, budget.toMillis(), TimeUnit.MILLISECONDS)
        .thenApply(
            outcome -> {
              Duration took = Duration.ofNanos(System.nanoTime() - Math.max(run.startedNanos(), waitStarted));
              if (outcome == null) {
                return new CheckResult(check.name(), false, budget, "No answer within " + budget.toMillis() + " ms");
              }
              return new CheckResult(check.name(), outcome.passed(), took, outcome.message());
            });
  }

  private static CheckOutcome runSafely(HealthCheck check) {
    try {
      return check.run();
    } catch (Exception e) {
      return CheckOutcome.fail(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
