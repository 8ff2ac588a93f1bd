package dev.towerline.server.adb;

/** An open {@code host:track-devices} connection. Closing it stops the pushes; idempotent. */
public interface DeviceTracking extends AutoCloseable {

  /** Whether the connection is still open and pushing. */
  boolean isOpen();

  @Override
  void close();
}
