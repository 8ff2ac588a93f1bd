package dev.towerline.server.auth;

/** The authentication settings do not let the server start; the message is the one-line reason. */
public final class AuthStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AuthStartException(String message) {
    super(message);
  }
}
