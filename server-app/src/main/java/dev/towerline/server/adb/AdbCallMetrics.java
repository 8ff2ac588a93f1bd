package dev.towerline.server.adb;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ADB call meters:
 *
 * <ul>
 *   <li>{@code towerline.adb.calls} (timer, histogram buckets 5 ms..30 s), tags {@code operation}
 *       and {@code outcome}: one sample per gateway call, retries and back-off included;
 *   <li>{@code towerline.adb.failures} (counter), same tags: one per failed attempt or refusal;
 *   <li>{@code towerline.adb.breaker.transitions} (counter), tags {@code breaker} ({@code server}
 *       or {@code device}), {@code from_state}, {@code to_state}.
 * </ul>
 *
 * Outcomes: {@code success}, {@code timed_out} and {@code cancelled} (shell commands), {@code
 * server_unavailable}, {@code device_not_found}, {@code command_failed}, {@code timeout}, {@code
 * circuit_open}, {@code error}.
 */
final class AdbCallMetrics {

  static final String CALLS = "towerline.adb.calls";
  static final String FAILURES = "towerline.adb.failures";
  static final String TRANSITIONS = "towerline.adb.breaker.transitions";

  private static final Duration[] BUCKETS = {
    Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
    Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
    Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)
  };

  private final MeterRegistry registry;
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  AdbCallMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  Timer.Sample start() {
    return Timer.start(registry);
  }

  void stop(Timer.Sample sample, String operation, String outcome) {
    sample.stop(timers.computeIfAbsent(operation + '|' + outcome, key ->
        Timer.builder(CALLS)
            .description("ADB calls by operation and outcome, retries included")
            .tags("operation", operation, "outcome", outcome)
            .serviceLevelObjectives(BUCKETS)
            .register(registry)));
  }

  void failed(String operation, Throwable failure) {
    String outcome = outcomeOf(failure);
    counters.computeIfAbsent(FAILURES + '|' + operation + '|' + outcome, key ->
        Counter.builder(FAILURES)
            .description("Failed ADB call attempts and refusals by operation and outcome")
            .tags("operation", operation, "outcome", outcome)
            .register(registry)).increment();
  }

  void transition(String breaker, String from, String to) {
    counters.computeIfAbsent(TRANSITIONS + '|' + breaker + '|' + from + '|' + to, key ->
        Counter.builder(TRANSITIONS)
            .description("ADB circuit breaker state transitions")
            .tags("breaker", breaker, "from_state", from, "to_state", to)
            .register(registry)).increment();
  }

  static String outcomeOf(Throwable failure) {
    if (failure instanceof AdbCircuitOpenException) return "circuit_open";
    if (failure instanceof AdbServerUnavailableException) return "server_unavailable";
    if (failure instanceof AdbDeviceNotFoundException) return "device_not_found";
    if (failure instanceof AdbTimeoutException) return "timeout";
    if (failure instanceof AdbCommandFailedException) return "command_failed";
    return "error";
  }

  static String outcomeOf(ShellResult result) {
    switch (result.outcome()) {
      case TIMED_OUT:
        return "timed_out";
      case CANCELLED:
        return "cancelled";
      default:
        return "success";
    }
  }
}
