package dev.towerline.adb.simulator;

import java.time.Duration;

/**
 * Fault injection for an {@link AdbSimulator}; obtained from {@link AdbSimulator#faults()}.
 *
 * <p>A "command" is one device service request made after a transport switch, such as {@code
 * shell:getprop}. Host queries ({@code host:version}, {@code host:devices}, …) are never failed,
 * only delayed by {@link #hang}. All methods are thread-safe and take effect for the next request.
 *
 * <pre>{@code
 * sim.faults().failNextCommands(3);                  // three FAILs, then shell works again
 * sim.faults().failNextCommands("R58M123ABC", 2, "device busy");  // FAILs with that reason
 * sim.faults().hang(Duration.ofSeconds(5));          // every request waits 5 s for its reply
 * sim.faults().takeOffline("emulator-5554");          // trackers see "offline"
 * }</pre>
 */
public interface Faults {
  /** The reply of a failed command, as the real server says when a device drops a service. */
  String FAILURE_MESSAGE = "closed";

  /** The next {@code count} commands, on any device, are answered {@code FAIL} "closed". */
  void failNextCommands(int count);

  /** The next {@code count} commands on this device are answered {@code FAIL} "closed". */
  void failNextCommands(String serial, int count);

  /**
   * The next {@code count} commands on this device are answered {@code FAIL} with {@code reason},
   * e.g. "device offline" or "device 'X' not found", as the real server words its refusals.
   */
  void failNextCommands(String serial, int count, String reason);

  /** The next {@code count} commands, on any device, get their connection closed, no reply. */
  void disconnectNextCommands(int count);

  /** The next {@code count} commands on this device get their connection closed, no reply. */
  void disconnectNextCommands(String serial, int count);

  /**
   * Every request, host query or command, is read but not answered until {@code duration} has
   * passed on the simulator's clock or {@link #clearHang()} is called. Replaces an earlier hang.
   */
  void hang(Duration duration);

  /** Ends a {@link #hang}: waiting requests are answered at once. */
  void clearHang();

  /** Whether requests are currently being held by {@link #hang}. */
  boolean hanging();

  /** Puts the device in {@link DeviceState#OFFLINE}; its running shells are cut. */
  void takeOffline(String serial);

  /** Puts the device back in {@link DeviceState#DEVICE}. */
  void bringOnline(String serial);

  /** Puts the device in {@link DeviceState#UNAUTHORIZED}; its running shells are cut. */
  void revokeAuthorization(String serial);

  /**
   * Commands received for this device since the simulator was built, failed and disconnected ones
   * included: what reached ADB, as a test of "nothing was sent" reads it.
   */
  int commandsReceived(String serial);

  /** Forgets pending command failures and ends any hang; device states are left as they are. */
  void clear();
}
