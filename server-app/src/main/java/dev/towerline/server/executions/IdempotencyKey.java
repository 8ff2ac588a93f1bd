package dev.towerline.server.executions;

import java.time.Instant;
import java.util.Objects;

/**
 * An {@code Idempotency-Key} as stored with its execution.
 *
 * @param requestFingerprint {@link NewExecution#fingerprint()} of the first request
 * @param expiresAt after this the key is forgotten and may be used again
 */
public record IdempotencyKey(String key, String requestFingerprint, Instant expiresAt) {
  public IdempotencyKey {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(requestFingerprint, "requestFingerprint");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
