package dev.towerline.client;

/** The server failed ({@code INTERNAL_ERROR}, {@code NOT_IMPLEMENTED}, other 5xx). Quote {@link #requestId()} when reporting it. */
public class ServerException extends TowerlineException {

  private static final long serialVersionUID = 1L;

  ServerException(ServerError error) {
    super(error);
  }
}
