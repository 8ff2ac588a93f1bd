package dev.towerline.client;

/**
 * The server failed ({@code INTERNAL_ERROR}, {@code NOT_IMPLEMENTED}, other 5xx). Quote {@link #requestId()} when reporting it.
 *
 * <pre>{@code
 * try {
 *   towerline.listExecutions(query);
 * } catch (ServerException e) {
 *   alert("Towerline failed, request " + e.requestId().orElse("-"));
 * }
 * }</pre>
 */
public class ServerException extends TowerlineException {

  private static final long serialVersionUID = 1L;

  ServerException(ServerError error) {
    super(error);
  }
}
