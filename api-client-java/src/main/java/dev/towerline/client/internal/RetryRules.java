package dev.towerline.client.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.Set;
import javax.net.ssl.SSLException;

/**
 * The one retry decision of the SDK (stripe-java {@code HttpClient.shouldRetry} style): the
 * first rule that matches decides. Attempt and time budgets are the caller's, not this class's.
 */
public final class RetryRules {

  // Methods that mean the same thing however often they are sent (RFC 9110 9.2.2).
  private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

  private RetryRules() {}

  /**
   * Whether a failed attempt should be made again.
   *
   * @param repeatable the request may be sent twice: see {@link #isRepeatable}
   * @param status the answer's HTTP status, or 0 when no answer arrived
   * @param failure the I/O failure when no answer arrived, else null
   */
  public static boolean shouldRetry(boolean repeatable, int status, IOException failure) {
    // A create without an idempotency key may already have happened: sending it again could run it twice.
    if (!repeatable) return false;
    // A TLS failure is a configuration or certificate problem; sending again cannot fix it.
    if (failure instanceof SSLException) return false;
    // Connection refused: the server is down or restarting, and the request never reached it.
    if (failure instanceof ConnectException) return true;
    // Connect or read time-out: a stalled or overloaded server may answer the next attempt.
    if (failure instanceof HttpTimeoutException) return true;
    // Connection reset or closed mid-answer (a restart, a proxy dropping idle connections).
    if (failure != null) return true;
    // Too many requests: the server asks us to come back later (Retry-After says when).
    if (status == 429) return true;
    // Bad gateway, unavailable, gateway time-out: a dependency or proxy in the way is failing.
    if (status == 502 || status == 503 || status == 504) return true;
    // Everything else (4xx, 500, 501) fails the same way on every attempt.
    return false;
  }

  /**
   * Whether sending {@code method} again is safe: idempotent methods always, a POST only with an
   * {@code Idempotency-Key} (the server answers a repeat from its record), or when the operation
   * is documented as idempotent (cancel).
   */
  public static boolean isRepeatable(String method, boolean hasIdempotencyKey, boolean idempotentOperation) {
    return IDEMPOTENT_METHODS.contains(method) || hasIdempotencyKey || idempotentOperation;
  }
}
