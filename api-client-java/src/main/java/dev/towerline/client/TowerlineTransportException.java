package dev.towerline.client;

/**
 * No answer arrived: the connection was refused or reset, or a time-out passed. {@link
 * #httpStatus()} is 0 and there is no error code. Thrown after the {@link RetryPolicy} is spent;
 * the cause is the last I/O failure.
 *
 * <pre>{@code
 * try {
 *   towerline.health();
 * } catch (TowerlineTransportException e) {
 *   System.err.println("no answer from Towerline: " + e.getCause());
 * }
 * }</pre>
 */
public class TowerlineTransportException extends TowerlineException {

  private static final long serialVersionUID = 1L;

  TowerlineTransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
