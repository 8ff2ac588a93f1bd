package dev.towerline.client;

import dev.towerline.protocol.ErrorCode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Root of every failure the SDK throws: an error answer of the server, read from its envelope
 * {@code {"error":{"code","message","details"},"request_id"}}, or a {@link
 * TowerlineTransportException} when no answer arrived. Catch a subclass for one family:
 *
 * <pre>{@code
 * try {
 *   towerline.getExecution(id);
 * } catch (NotFoundException e) {
 *   log.info("gone: {} (request {})", e.getMessage(), e.requestId().orElse("-"));
 * }
 * }</pre>
 *
 * The subclass is chosen from the spec's {@link ErrorCode}; a code this SDK does not know yet
 * is mapped by HTTP status, as the contract asks of clients.
 */
public class TowerlineException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final String errorCode;
  private final transient Map<String, Object> details;
  private final String requestId;
  private final Duration retryAfter;

  TowerlineException(ServerError error) {
    super(error.message());
    this.httpStatus = error.httpStatus();
    this.errorCode = error.code();
    this.details = error.details();
    this.requestId = error.requestId();
    this.retryAfter = error.retryAfter();
  }

  TowerlineException(String message, Throwable cause) {
    super(message, cause);
    this.httpStatus = 0;
    this.errorCode = null;
    this.details = Map.of();
    this.requestId = null;
    this.retryAfter = null;
  }

  /** The HTTP status of the answer; 0 when none arrived (a transport failure). */
  public int httpStatus() {
    return httpStatus;
  }

  /** The envelope's {@code error.code} as sent, also when this SDK does not know it. */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /** The code as the spec's enum, empty for an unknown code or no envelope. */
  public Optional<ErrorCode> knownErrorCode() {
    return ErrorCodes.parse(errorCode);
  }

  /** The envelope's {@code error.details} (keys documented per code in the spec); may be empty. */
  public Map<String, Object> details() {
    return details == null ? Map.of() : details;
  }

  /** The server's request id, to quote when reporting a problem. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** How long the server asked clients to wait ({@code Retry-After}), when it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
