package dev.towerline.server.adb;

import java.util.List;

/**
 * Receives what {@code host:track-devices} pushes. Called on the tracking connection's own thread,
 * one call at a time and in order; must return quickly.
 */
public interface TrackListener {

  /** The complete device list: first at once, then again after every change. */
  void devicesChanged(List<AdbDevice> devices);

  /**
   * The ADB server closed the tracking connection or stopped answering; no further calls follow.
   * Not called when the caller closed the {@link DeviceTracking} itself.
   */
  void disconnected(AdbException cause);
}
