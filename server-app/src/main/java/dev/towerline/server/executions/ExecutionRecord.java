package dev.towerline.server.executions;

import dev.towerline.protocol.Execution;
import dev.towerline.protocol.ExecutionStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One execution as stored, immutable; every change makes a new one through the state machine:
 *
 * <pre>
 *   queued  -> running | cancelled | error | interrupted
 *   running -> succeeded | failed | cancelled | timed_out | error | interrupted
 * </pre>
 *
 * Final statuses never change again, so a late result (a command that stopped after its cancel
 * was abandoned) cannot overwrite the outcome a client was already told.
 *
 * @param exitCode present once the command exited on the device
 * @param availableFrom oldest output byte still retained; above 0 once output was truncated
 * @param error present for every final status but {@code succeeded}
 */
public record ExecutionRecord(
    String id,
    String deviceSerial,
    String command,
    int timeoutSeconds,
    ExecutionStatus status,
    Integer exitCode,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    long outputBytes,
    boolean outputTruncated,
    long availableFrom,
    ExecutionError error) {

  private static final Set<ExecutionStatus> ACTIVE = EnumSet.of(ExecutionStatus.QUEUED, ExecutionStatus.RUNNING);
  private static final Map<ExecutionStatus, Set<ExecutionStatus>> NEXT =
      Map.of(
          ExecutionStatus.QUEUED,
          EnumSet.of(ExecutionStatus.RUNNING, ExecutionStatus.CANCELLED, ExecutionStatus.ERROR, ExecutionStatus.INTERRUPTED),
          ExecutionStatus.RUNNING,
          EnumSet.of(
              ExecutionStatus.SUCCEEDED,
              ExecutionStatus.FAILED,
              ExecutionStatus.CANCELLED,
              ExecutionStatus.TIMED_OUT,
              ExecutionStatus.ERROR,
              ExecutionStatus.INTERRUPTED));

  public ExecutionRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(deviceSerial, "deviceSerial");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** A new execution, queued at {@code now}. */
  public static ExecutionRecord queued(String id, NewExecution request, Instant now) {
    return new ExecutionRecord(
        id, request.deviceSerial(), request.command(), request.timeoutSeconds(), ExecutionStatus.QUEUED,
        null, now, null, null, 0, false, 0, null);
  }

  /** Whether {@code status} is final. */
  public static boolean isFinal(ExecutionStatus status) {
    return !ACTIVE.contains(status);
  }

  public boolean isFinished() {
    return isFinal(status);
  }

  /** Whether the state machine allows moving from this status to {@code next}. */
  public boolean canMoveTo(ExecutionStatus next) {
    return NEXT.getOrDefault(status, Set.of()).contains(next);
  }

  public ExecutionRecord started(Instant now) {
    requireMove(ExecutionStatus.RUNNING);
    return new ExecutionRecord(id, deviceSerial, command, timeoutSeconds, ExecutionStatus.RUNNING, null,
        createdAt, now, null, outputBytes, outputTruncated, availableFrom, null);
  }

  /**
   * Ends the execution.
   *
   * @param exitCode the command's exit status, {@code null} when it did not exit or it is unknown
   * @param error {@code null} only for {@code succeeded}
   */
  public ExecutionRecord finished(ExecutionStatus finalStatus, Integer exitCode, ExecutionError error, Instant now) {
    requireMove(finalStatus);
    return new ExecutionRecord(id, deviceSerial, command, timeoutSeconds, finalStatus, exitCode,
        createdAt, startedAt, now, outputBytes, outputTruncated, availableFrom, error);
  }

  /** The output counters after a flush (they only grow). */
  public ExecutionRecord withOutput(long bytes, boolean truncated, long retainedFrom) {
    return new ExecutionRecord(id, deviceSerial, command, timeoutSeconds, status, exitCode, createdAt,
        startedAt, finishedAt, Math.max(outputBytes, bytes), outputTruncated || truncated,
        Math.max(availableFrom, retainedFrom), error);
  }

  private void requireMove(ExecutionStatus next) {
    if (!canMoveTo(next)) {
      throw new IllegalStateException("execution " + id + " cannot go from " + status.value() + " to " + next.value());
    }
  }

  /** The contract's shape. */
  public Execution toContract() {
    Execution execution =
        new Execution()
            .withId(id)
            .withDeviceSerial(deviceSerial)
            .withCommand(command)
            .withTimeoutSeconds((long) timeoutSeconds)
            .withStatus(status)
            .withCreatedAt(utc(createdAt))
            .withOutputBytes(outputBytes)
            .withOutputTruncated(outputTruncated);
    if (exitCode != null) {
      execution.withExitCode((long) exitCode);
    }
    if (startedAt != null) {
      execution.withStartedAt(utc(startedAt));
    }
    if (finishedAt != null) {
      execution.withFinishedAt(utc(finishedAt));
      if (startedAt != null) {
        execution.withDurationMs(Math.max(0, Duration.between(startedAt, finishedAt).toMillis()));
      }
    }
    if (error != null) {
      execution.withError(error.toContract());
    }
    return execution;
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
