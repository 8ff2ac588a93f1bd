package dev.towerline.server.adb;

/** Shows the health of the ADB links that circuit breakers watch, and reports its changes. */
public interface AdbLinkMonitor {

  /** The link to this device; {@link LinkHealth#healthy()} if no call to it was made yet. */
  LinkHealth device(String serial);

  /** The link to the ADB server itself. */
  LinkHealth server();

  /** Adds a listener called after every change of a link; it must not block. */
  void addListener(LinkListener listener);

  /** Told about link changes: breaker transitions, failures, and recovery after failures. */
  interface LinkListener {

    void deviceLinkChanged(String serial, LinkHealth health);

    default void serverLinkChanged(LinkHealth health) {}
  }
}
