package dev.towerline.client;

import dev.towerline.protocol.Execution;
import dev.towerline.protocol.ExecutionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Waiting for an execution by polling its REST resources, on the client's clock and sleeper: the
 * first poll at once, then waits growing from {@link #FIRST_WAIT} by half up to {@link #MAX_WAIT},
 * back to the first wait whenever output arrives.
 */
final class ExecutionPolling {

  static final Duration FIRST_WAIT = Duration.ofMillis(100);
  static final Duration MAX_WAIT = Duration.ofSeconds(2);

  static final Set<ExecutionStatus> FINAL =
      EnumSet.of(ExecutionStatus.SUCCEEDED, ExecutionStatus.FAILED, ExecutionStatus.CANCELLED,
          ExecutionStatus.TIMED_OUT, ExecutionStatus.ERROR, ExecutionStatus.INTERRUPTED);

  private final TowerlineClient client;

  ExecutionPolling(TowerlineClient client) {
    this.client = client;
  }

  Execution await(String executionId, Duration timeout) {
    Objects.requireNonNull(executionId, "executionId == null");
    RetryPolicy.positive("timeout", timeout);
    Instant deadline = client.clock().instant().plus(timeout);
    Duration wait = FIRST_WAIT;
    while (true) {
      Execution execution = client.getExecution(executionId);
      if (FINAL.contains(execution.getStatus())) {
        return execution;
      }
      Duration left = Duration.between(client.clock().instant(), deadline);
      if (left.isNegative() || left.isZero()) {
        throw new ExecutionDeadlineException(execution, timeout);
      }
      sleep(min(wait, left), executionId);
      wait = grow(wait);
    }
  }

  Stream<String> output(String executionId) {
    Objects.requireNonNull(executionId, "executionId == null");
    Spliterator<String> chunks =
        new Spliterators.AbstractSpliterator<String>(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
          private long offset;
          private boolean complete;
          private Duration wait = FIRST_WAIT;

          @Override
          public boolean tryAdvance(Consumer<? super String> action) {
            while (!complete) {
              ExecutionOutput piece = client.getExecutionOutput(executionId, offset);
              offset = piece.nextOffset();
              complete = piece.complete();
              if (!piece.data().isEmpty()) {
                wait = FIRST_WAIT;
                action.accept(piece.data());
                return true;
              }
              if (!complete) {
                sleep(wait, executionId);
                wait = grow(wait);
              }
            }
            return false;
          }
        };
    return StreamSupport.stream(chunks, false);
  }

  private void sleep(Duration wait, String executionId) {
    try {
      client.sleeper().sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TowerlineTransportException("Interrupted while waiting for execution " + executionId, e);
    }
  }

  private static Duration grow(Duration wait) {
    return min(wait.plus(wait.dividedBy(2)), MAX_WAIT);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
