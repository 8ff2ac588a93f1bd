package dev.towerline.client;

/**
 * A circuit breaker refused the call; the message names which. Either the device's breaker on
 * the server, open after repeated ADB failures ({@code DEVICE_CIRCUIT_OPEN}, 503), or the SDK's
 * own breaker around the server (see {@link BreakerPolicy}; {@link #httpStatus()} 0, nothing was
 * sent). Calls fail fast until {@link #retryAfter()} has passed.
 *
 * <pre>{@code
 * try {
 *   towerline.getDevice(serial);
 * } catch (CircuitOpenException e) {
 *   log.warn("{}; next try after {}", e.getMessage(), e.retryAfter().orElseThrow());
 * }
 * }</pre>
 */
public class CircuitOpenException extends UnavailableException {

  private static final long serialVersionUID = 1L;

  CircuitOpenException(ServerError error) {
    super(error);
  }
}
