package dev.towerline.client;

import dev.towerline.protocol.Execution;
import java.time.Duration;
import java.util.Map;

/**
 * {@link TowerlineClient#awaitExecution} or {@link TowerlineClient#runAndWait} gave up waiting:
 * the execution had not finished within the caller's time. It keeps running on the server (its
 * own {@code timeout_seconds} still bounds it): wait again, or cancel it.
 *
 * <pre>{@code
 * try {
 *   Execution done = towerline.runAndWait(NewExecution.of(serial, "dumpsys battery"), Duration.ofSeconds(20));
 * } catch (ExecutionDeadlineException e) {
 *   towerline.cancelExecution(e.execution().getId());
 * }
 * }</pre>
 *
 * <p>{@link #httpStatus()} is 0: the server answered every poll; it was the caller's deadline.
 */
public class ExecutionDeadlineException extends TowerlineException {

  private static final long serialVersionUID = 1L;

  private final transient Execution execution;

  ExecutionDeadlineException(Execution execution, Duration waited) {
    super(new ServerError(
        0,
        null,
        "Execution " + execution.getId() + " is still " + execution.getStatus().value() + " after waiting " + waited
            + "; it keeps running on the server: wait again or cancel it",
        Map.of("execution_id", execution.getId(), "status", execution.getStatus().value()),
        null,
        null));
    this.execution = execution;
  }

  /** The execution as last seen, not yet final. */
  public Execution execution() {
    return execution;
  }
}
