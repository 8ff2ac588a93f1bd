package dev.towerline.adb.simulator.internal;

/** A request the server answers with {@code FAIL} and this message. */
final class ServiceFailure extends Exception {
  private static final long serialVersionUID = 1L;

  ServiceFailure(String message) {
    super(message, null, false, false);
  }
}
