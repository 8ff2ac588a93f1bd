package dev.towerline.server.adb;

import dev.towerline.protocol.ErrorCode;
import java.util.Objects;

/** The ADB server does not know this serial ("device 'X' not found"). Never retried. */
public class AdbDeviceNotFoundException extends AdbException {

  private static final long serialVersionUID = 1L;

  public AdbDeviceNotFoundException(String serial, String operation) {
    super("device '" + Objects.requireNonNull(serial, "serial") + "' not found", operation, serial,
        null);
  }

  @Override
  public ErrorCode errorCode() {
    return ErrorCode.DEVICE_NOT_FOUND;
  }
}
