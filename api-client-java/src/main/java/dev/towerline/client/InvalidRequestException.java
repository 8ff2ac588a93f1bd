package dev.towerline.client;

/**
 * The server refused the request as malformed or unsupported (HTTP 400, 405, 406, 413, 415); retrying the same request fails the same way.
 *
 * <pre>{@code
 * try {
 *   towerline.listDevices(query);
 * } catch (InvalidRequestException e) {   // ValidationException is the 400 subclass
 *   log.error("{} (HTTP {}, request {})", e.getMessage(), e.httpStatus(), e.requestId().orElse("-"));
 * }
 * }</pre>
 */
public class InvalidRequestException extends TowerlineException {

  private static final long serialVersionUID = 1L;

  InvalidRequestException(ServerError error) {
    super(error);
  }
}
