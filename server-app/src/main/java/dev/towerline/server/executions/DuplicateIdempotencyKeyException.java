package dev.towerline.server.executions;

/** Another execution already holds this {@code Idempotency-Key} (the unique constraint said so). */
public final class DuplicateIdempotencyKeyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DuplicateIdempotencyKeyException(String key, Throwable cause) {
    super("Idempotency-Key already used: " + key, cause);
  }
}
