package dev.towerline.server.adb;

import dev.towerline.protocol.ErrorCode;
import java.util.Objects;

/** The ADB server did not accept a connection, or closed it without answering. Retried. */
public class AdbServerUnavailableException extends AdbException {

  private static final long serialVersionUID = 1L;

  private final String adbServer;

  /**
   * @param adbServer {@code host:port} of the server that could not be reached
   * @param serial the device the call was for; {@code null} for calls to the server itself
   * @param cause the socket failure, for logs; {@code null} for none
   */
  public AdbServerUnavailableException(
      String adbServer, String message, String operation, String serial, Throwable cause) {
    super(message, operation, serial, cause);
    this.adbServer = Objects.requireNonNull(adbServer, "adbServer");
  }

  public String adbServer() {
    return adbServer;
  }

  @Override
  public ErrorCode errorCode() {
    return ErrorCode.ADB_UNAVAILABLE;
  }
}
