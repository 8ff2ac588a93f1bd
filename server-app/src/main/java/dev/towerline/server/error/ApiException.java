package dev.towerline.server.error;

import dev.towerline.protocol.ErrorCode;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A failure the API reports to its client as an error envelope: a contract {@link ErrorCode}, a
 * message safe to show an operator, structured details and, for refusals that pass, a {@code
 * Retry-After}. Domain code throws it; the HTTP layer renders it with the code's documented status.
 */
public class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final Map<String, Object> details;
  private final Duration retryAfter;

  public ApiException(ErrorCode code, String message) {
    this(code, message, Map.of(), null, null);
  }

  public ApiException(ErrorCode code, String message, Map<String, ?> details) {
    this(code, message, details, null, null);
  }

  /**
   * @param retryAfter when the client may try again; {@code null} for none
   * @param cause what went wrong underneath, for logs only; {@code null} for none
   */
  public ApiException(
      ErrorCode code, String message, Map<String, ?> details, Duration retryAfter, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.code = Objects.requireNonNull(code, "code");
    this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    if (retryAfter != null && retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative: " + retryAfter);
    }
    this.retryAfter = retryAfter;
  }


  public ErrorCode code() {
    return code;
  }

  /** Structured context for the code (see {@code x-error-codes}); empty when there is none. */
  public Map<String, Object> details() {
    return details;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
