package dev.towerline.client;

/** The device's circuit breaker on the server is open after repeated ADB failures ({@code DEVICE_CIRCUIT_OPEN}, 503): calls to it fail fast until {@link #retryAfter()} has passed. */
public class CircuitOpenException extends UnavailableException {

  private static final long serialVersionUID = 1L;

  CircuitOpenException(ServerError error) {
    super(error);
  }
}
