package dev.towerline.client;

/**
 * A dependency is down or the server is starting or stopping (HTTP 408, 502, 503, 504); {@link #retryAfter()} says when to try again. The SDK has already retried within its {@link RetryPolicy}.
 *
 * <pre>{@code
 * try {
 *   towerline.listDevices();
 * } catch (UnavailableException e) {   // CircuitOpenException included
 *   showBanner("Towerline is unavailable; retry in " + e.retryAfter().map(Duration::toSeconds).orElse(30L) + " s");
 * }
 * }</pre>
 */
public class UnavailableException extends TowerlineException {

  private static final long serialVersionUID = 1L;

  UnavailableException(ServerError error) {
    super(error);
  }
}
