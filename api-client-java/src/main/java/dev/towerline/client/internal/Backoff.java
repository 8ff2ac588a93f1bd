package dev.towerline.client.internal;

import dev.towerline.client.RetryPolicy;
import java.time.Duration;
import java.util.function.LongUnaryOperator;

/** The wait before a retry: the server's {@code Retry-After} if given, else full jitter. */
public final class Backoff {

  private Backoff() {}

  /**
   * @param retry 1 for the first retry
   * @param retryAfter what the server asked for, or null
   * @param random a uniform random number in {@code [0, bound]} for a bound in ms
   */
  public static Duration delay(RetryPolicy policy, int retry, Duration retryAfter, LongUnaryOperator random) {
    if (retryAfter != null) {
      // The server knows when it will be back; coming earlier only earns another refusal.
      return retryAfter;
    }
    return Duration.ofMillis(random.applyAsLong(policy.backoffCeiling(retry).toMillis()));
  }
}
