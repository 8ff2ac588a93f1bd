package dev.towerline.client;

/** The {@code Idempotency-Key} was already used with a different request body ({@code IDEMPOTENCY_KEY_REUSED}, 422): use a new key for a new request. */
public class IdempotencyKeyReusedException extends ConflictException {

  private static final long serialVersionUID = 1L;

  IdempotencyKeyReusedException(ServerError error) {
    super(error);
  }
}
