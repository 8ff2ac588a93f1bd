package dev.towerline.client;

/** The server refused the request as malformed or unsupported (HTTP 400, 405, 406, 413, 415); retrying the same request fails the same way. */
public class InvalidRequestException extends TowerlineException {

  private static final long serialVersionUID = 1L;

  InvalidRequestException(ServerError error) {
    super(error);
  }
}
