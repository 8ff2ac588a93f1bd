package dev.towerline.server.executions;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.towerline.protocol.ExecutionStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every status change of an execution: one structured log line (execution id, device, from and to
 * status, error code) and its metrics — {@code towerline_executions_total{status}} counts
 * executions entering each status, {@code towerline_execution_duration_seconds{status}} is a
 * histogram of running time by final status.
 */
final class ExecutionEvents {
  private static final Logger log = LoggerFactory.getLogger(ExecutionEvents.class);

  private final Map<ExecutionStatus, Counter> entered = new EnumMap<>(ExecutionStatus.class);
  private final Map<ExecutionStatus, Timer> durations = new EnumMap<>(ExecutionStatus.class);
  private final List<ExecutionListener> listeners = new CopyOnWriteArrayList<>();

  ExecutionEvents(MeterRegistry meters) {
    for (ExecutionStatus status : ExecutionStatus.values()) {
      entered.put(
          status,
          Counter.builder("towerline.executions")
              .description("Executions that entered each status")
              .tag("status", status.value())
              .register(meters));
      if (ExecutionRecord.isFinal(status)) {
        durations.put(
            status,
            Timer.builder("towerline.execution.duration")
                .description("Running time of executions, from started_at to finished_at, by final status")
                .tag("status", status.value())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofHours(24))
                .register(meters));
      }
    }
  }

  void addListener(ExecutionListener listener) {
    listeners.add(listener);
  }

  /** Output written to the store; told to the listeners only. */
  void output(String executionId, String deviceSerial, List<OutputChunk> chunks) {
    for (OutputChunk chunk : chunks) {
      for (ExecutionListener listener : listeners) {
        try {
          listener.output(executionId, deviceSerial, chunk.offset(), chunk.data());
        } catch (RuntimeException e) {
          log.warn("Execution listener failed on output of {}: {}", executionId, e.toString());
        }
      }
    }
  }

  /** {@code before} is {@code null} for a new execution. */
  void changed(ExecutionRecord before, ExecutionRecord after) {
    if (before != null && before.status() == after.status()) {
      return;
    }
    entered.get(after.status()).increment();
    for (ExecutionListener listener : listeners) {
      try {
        listener.changed(after);
      } catch (RuntimeException e) {
        log.warn("Execution listener failed on {}: {}", after.id(), e.toString());
      }
    }
    String from = before == null ? "new" : before.status().value();
    String code = after.error() == null ? null : after.error().code().value();
    if (after.isFinished() && after.startedAt() != null && after.finishedAt() != null) {
      durations.get(after.status()).record(Duration.between(after.startedAt(), after.finishedAt()));
    }
    if (after.status() == ExecutionStatus.ERROR) {
      log.warn(
          "Execution {} on device {} went from {} to error {}: {}",
          after.id(), after.deviceSerial(), from, code, after.error().message(),
          kv("execution_id", after.id()), kv("serial", after.deviceSerial()), kv("from_status", from),
          kv("to_status", after.status().value()), kv("error_code", code),
          kv("error_details", after.error().details()));
    } else {
      log.info(
          "Execution {} on device {} went from {} to {}",
          after.id(), after.deviceSerial(), from, after.status().value(),
          kv("execution_id", after.id()), kv("serial", after.deviceSerial()), kv("from_status", from),
          kv("to_status", after.status().value()), kv("error_code", code), kv("exit_code", after.exitCode()));
    }
  }
}
