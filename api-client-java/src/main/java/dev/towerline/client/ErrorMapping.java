package dev.towerline.client;

import dev.towerline.protocol.ErrorCode;
import java.util.Optional;

/** Chooses the exception for an error answer: by the spec's code, else by HTTP status. */
final class ErrorMapping {

  private ErrorMapping() {}

  static TowerlineException toException(ServerError error) {
    Optional<ErrorCode> code = ErrorCodes.parse(error.code());
    return code.map(known -> byCode(known, error)).orElseGet(() -> byStatus(error));
  }

  // No default branch: a code added to the spec fails compilation here until it is mapped.
  private static TowerlineException byCode(ErrorCode code, ServerError error) {
    return switch (code) {
      case INVALID_PARAMETER, INVALID_PAGE_TOKEN, VALIDATION_FAILED, MALFORMED_JSON -> new ValidationException(error);
      case METHOD_NOT_ALLOWED, NOT_ACCEPTABLE, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, MISDIRECTED_REQUEST, COMMAND_NOT_ALLOWED ->
          new InvalidRequestException(error);
      case UNAUTHENTICATED, FORBIDDEN -> new NotAuthorizedException(error);
      case ROUTE_NOT_FOUND, DEVICE_NOT_FOUND, EXECUTION_NOT_FOUND -> new NotFoundException(error);
      case DEVICE_NOT_READY, EXECUTION_NOT_CANCELLABLE, IDEMPOTENCY_KEY_IN_USE, RESYNC_REQUIRED -> new ConflictException(error);
      case IDEMPOTENCY_KEY_REUSED -> new IdempotencyKeyReusedException(error);
      case QUEUE_FULL, RATE_LIMITED -> new RateLimitedException(error);
      case DEVICE_CIRCUIT_OPEN -> new CircuitOpenException(error);
      case REQUEST_TIMEOUT, ADB_UNAVAILABLE, DATABASE_UNAVAILABLE, SERVICE_UNAVAILABLE, HEALTH_CHECK_FAILED ->
          new UnavailableException(error);
      case INTERNAL_ERROR, NOT_IMPLEMENTED -> new ServerException(error);
      // Codes of executions and WebSocket frames; should one come in a REST answer, trust its status.
      case COMMAND_FAILED, EXECUTION_TIMED_OUT, EXECUTION_CANCELLED, EXECUTION_INTERRUPTED, ADB_COMMAND_FAILED,
          DEVICE_DISCONNECTED, INVALID_FRAME, FRAME_TOO_LARGE -> byStatus(error);
    };
  }

  private static TowerlineException byStatus(ServerError error) {
    int status = error.httpStatus();
    return switch (status) {
      case 400 -> new ValidationException(error);
      case 401, 403 -> new NotAuthorizedException(error);
      case 404 -> new NotFoundException(error);
      case 409, 410 -> new ConflictException(error);
      case 429 -> new RateLimitedException(error);
      case 408, 502, 503, 504 -> new UnavailableException(error);
      default -> status >= 500 ? new ServerException(error) : new InvalidRequestException(error);
    };
  }
}
