package dev.towerline.client;

/**
 * The caller's rate limit is spent ({@code RATE_LIMITED}, 429) or the device's queue is full ({@code
 * QUEUE_FULL}, 429); {@link #retryAfter()} says when to try again. The SDK has already retried within its {@link RetryPolicy}.
 *
 * <pre>{@code
 * try {
 *   towerline.createExecution(serial, command);
 * } catch (RateLimitedException e) {
 *   Thread.sleep(e.retryAfter().orElse(Duration.ofSeconds(5)).toMillis());
 * }
 * }</pre>
 */
public class RateLimitedException extends TowerlineException {

  private static final long serialVersionUID = 1L;

  RateLimitedException(ServerError error) {
    super(error);
  }
}
