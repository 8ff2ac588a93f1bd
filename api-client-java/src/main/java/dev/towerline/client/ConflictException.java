package dev.towerline.client;

/**
 * The request clashes with the current state: the device is not ready, the execution cannot be cancelled, the idempotency key is in use by a running request, or a resync is required (HTTP 409, 410).
 *
 * <pre>{@code
 * try {
 *   towerline.cancelExecution(id);
 * } catch (ConflictException e) {   // EXECUTION_NOT_CANCELLABLE: it already finished
 *   Execution finished = towerline.getExecution(id);
 * }
 * }</pre>
 */
public class ConflictException extends TowerlineException {

  private static final long serialVersionUID = 1L;

  ConflictException(ServerError error) {
    super(error);
  }
}
