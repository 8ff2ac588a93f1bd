package dev.towerline.adb.simulator;

import java.util.Locale;

/**
 * The connection state of a virtual device, as the ADB server reports it in {@code adb devices}.
 *
 * <p>Only {@link #DEVICE} and {@link #RECOVERY} accept device services such as {@code shell};
 * the others make the transport fail with the same message the real ADB server sends.
 */
public enum DeviceState {
  /** Connected and authorized: shell commands run. */
  DEVICE,
  /** Known to the server but not answering, for example while rebooting. */
  OFFLINE,
  /** Connected but the user has not accepted this host's RSA key. */
  UNAUTHORIZED,
  /** Booted into recovery; adbd runs there, so shell works. */
  RECOVERY,
  /** In the bootloader: listed, but no device services are available. */
  BOOTLOADER;

  /** The word the ADB server puts on the wire, e.g. {@code "device"} or {@code "offline"}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the real ADB server lets a client open a transport to a device in this state. */
  public boolean acceptsTransport() {
    return this == DEVICE || this == RECOVERY || this == BOOTLOADER;
  }
}
