package dev.towerline.client;

/**
 * The {@code Idempotency-Key} was already used with a different request body ({@code IDEMPOTENCY_KEY_REUSED}, 422): use a new key for a new request.
 *
 * <pre>{@code
 * try {
 *   towerline.createExecution(NewExecution.of(serial, command).withIdempotencyKey(key));
 * } catch (IdempotencyKeyReusedException e) {
 *   // the key was used for a different command: make a new key for a new request
 * }
 * }</pre>
 */
public class IdempotencyKeyReusedException extends ConflictException {

  private static final long serialVersionUID = 1L;

  IdempotencyKeyReusedException(ServerError error) {
    super(error);
  }
}
