package dev.towerline.server.http.error;

import dev.towerline.protocol.ApiError;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.contract.ErrorCodeCatalog;
import dev.towerline.server.model.ErrorEnvelope;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the error envelope {@code {"error": {"code", "message", "details"}, "request_id"}} with
 * the HTTP status the contract documents for the code. The request id is filled in by the request
 * id filter on the way out.
 */
public final class ErrorResponses {

  /**
   * Codes the HTTP layer itself answers. The server refuses to start unless the contract gives
   * each an HTTP status.
   */
  public static final Set<ErrorCode> ANSWERED_BY_HTTP_LAYER =
      EnumSet.of(
          ErrorCode.INVALID_PARAMETER,
          ErrorCode.VALIDATION_FAILED,
          ErrorCode.MALFORMED_JSON,
          ErrorCode.ROUTE_NOT_FOUND,
          ErrorCode.METHOD_NOT_ALLOWED,
          ErrorCode.NOT_ACCEPTABLE,
          ErrorCode.UNSUPPORTED_MEDIA_TYPE,
          ErrorCode.PAYLOAD_TOO_LARGE,
          ErrorCode.INTERNAL_ERROR,
          ErrorCode.NOT_IMPLEMENTED,
          ErrorCode.SERVICE_UNAVAILABLE);

  private static final int HTTP_INTERNAL_ERROR = 500;

  /** The one message of every 500: nothing about the cause. */
  public static final String INTERNAL_ERROR_MESSAGE =
      "An unexpected error occurred; quote the request id when reporting it";

  private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

  private final ErrorCodeCatalog catalog;

  /**
   * @throws IllegalStateException when the catalog lacks a status for a code in {@link
   *     #ANSWERED_BY_HTTP_LAYER}
   */
  public ErrorResponses(ErrorCodeCatalog catalog) {
    this.catalog = catalog.requireHttpStatuses(ANSWERED_BY_HTTP_LAYER);
  }

  /** An envelope response for {@code code}; {@code details} may be empty. */
  public Response.ResponseBuilder envelope(ErrorCode code, String message, Map<String, ?> details) {
    OptionalInt status = catalog.httpStatus(code);
    if (status.isEmpty()) {
      // A domain code that never travels over HTTP reached the HTTP layer: a server bug.
      log.error("Error code {} has no HTTP status in the contract; answering 500", code.value());
      return internalError();
    }
    return Response.status(status.getAsInt())
        .entity(body(code, message, details))
        .type(MediaType.APPLICATION_JSON_TYPE);
  }

  /** The envelope for {@code code}, without its request id. */
  public ErrorEnvelope body(ErrorCode code, String message, Map<String, ?> details) {
    ApiError error = new ApiError();
    error.setCode(code);
    error.setMessage(message);
    if (!details.isEmpty()) {
      error.setDetails(new LinkedHashMap<>(details));
    }
    return new ErrorEnvelope(error);
  }

  /** Whether the contract gives {@code code} an HTTP status (some only exist inside executions or frames). */
  public boolean travelsOverHttp(ErrorCode code) {
    return catalog.httpStatus(code).isPresent();
  }

  /** The contract's HTTP status for {@code code}, 500 for a code that never travels over HTTP. */
  public int httpStatus(ErrorCode code) {
    return catalog.httpStatus(code).orElse(HTTP_INTERNAL_ERROR);
  }

  /**
   * The envelope code and message for an HTTP error raised by Jersey or Grizzly rather than by
   * our code; empty for statuses without a generic contract code (treat those as server faults).
   */
  public static Optional<GenericError> genericErrorFor(int status) {
    return Optional.ofNullable(
        switch (status) {
          case 400 -> new GenericError(ErrorCode.INVALID_PARAMETER, "The request is malformed");
          case 404 -> new GenericError(ErrorCode.ROUTE_NOT_FOUND, "No operation exists at this path");
          case 405 -> new GenericError(ErrorCode.METHOD_NOT_ALLOWED, "The method is not allowed here");
          case 406 -> new GenericError(ErrorCode.NOT_ACCEPTABLE, "No acceptable media type");
          case 413 -> new GenericError(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is too large");
          case 415 -> new GenericError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The media type is not supported");
          case 503 -> new GenericError(
              ErrorCode.SERVICE_UNAVAILABLE, "The server cannot take this request now");
          default -> null;
        });
  }

  /** A contract code and a message that fit an HTTP status raised outside our code. */
  public record GenericError(ErrorCode code, String message) {}

  /** A 500 {@code INTERNAL_ERROR} envelope that says nothing about the cause. */
  public Response.ResponseBuilder internalError() {
    return envelope(ErrorCode.INTERNAL_ERROR, INTERNAL_ERROR_MESSAGE, Map.of());
  }

  /** Logs {@code failure} (the MDC carries the request id) and answers {@link #internalError()}. */
  public Response unexpected(Throwable failure) {
    log.error("Unexpected failure while handling a request", failure);
    return internalError().build();
  }
}
