package dev.towerline.server.health;

/**
 * One dependency check of {@code /health/full}. Implementations bound their own I/O (socket
 * time-outs); the runner bounds them again and answers without them when they overrun.
 */
public interface HealthCheck {
  /** The key in the report, e.g. {@code adb} or {@code database}. */
  String name();

  /**
   * Checks the dependency once.
   *
   * @return what was seen; throwing counts as a failure whose message is the exception's
   */
  CheckOutcome run() throws Exception;
}
