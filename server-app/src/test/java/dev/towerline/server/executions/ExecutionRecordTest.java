package dev.towerline.server.executions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.protocol.ExecutionStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExecutionRecordTest {
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  private static final ExecutionError CANCELLED = ExecutionError.of(ErrorCode.EXECUTION_CANCELLED, "Cancelled by a client");

  private static ExecutionRecord queued() {
    return ExecutionRecord.queued("ex_1", new NewExecution("dev", "true", 60), T0);
  }

  @Test
  void movesQueuedToRunningToAFinalStatus() {
    ExecutionRecord done = queued().started(T0.plusSeconds(1)).finished(ExecutionStatus.SUCCEEDED, 0, null, T0.plusSeconds(3));

    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(done.toContract().getDurationMs()).isEqualTo(2000);
    assertThat(done.toContract().getExitCode()).isZero();
  }

  @Test
  void aQueuedExecutionCanBeCancelledButNotSucceed() {
    assertThat(queued().finished(ExecutionStatus.CANCELLED, null, CANCELLED, T0).toContract().getDurationMs()).isNull();
    assertThatThrownBy(() -> queued().finished(ExecutionStatus.SUCCEEDED, 0, null, T0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("queued to succeeded");
  }

  @Test
  void aFinalStatusNeverChangesAgain() {
    ExecutionRecord cancelled = queued().finished(ExecutionStatus.CANCELLED, null, CANCELLED, T0);

    for (ExecutionStatus next : ExecutionStatus.values()) {
      assertThat(cancelled.canMoveTo(next)).as(next.value()).isFalse();
    }
  }

  @Test
  void outputCountersOnlyGrow() {
    ExecutionRecord record = queued().withOutput(100, true, 40).withOutput(50, false, 10);

    assertThat(record.outputBytes()).isEqualTo(100);
    assertThat(record.outputTruncated()).isTrue();
    assertThat(record.availableFrom()).isEqualTo(40);
  }
}
