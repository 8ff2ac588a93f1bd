package dev.towerline.client;

/** A dependency is down or the server is starting or stopping (HTTP 408, 502, 503, 504); {@link #retryAfter()} says when to try again. The SDK has already retried within its {@link RetryPolicy}. */
public class UnavailableException extends TowerlineException {

  private static final long serialVersionUID = 1L;

  UnavailableException(ServerError error) {
    super(error);
  }
}
