package dev.towerline.server.adb;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Towerline's port to ADB. {@link SocketAdbClient} speaks the ADB host protocol; {@link
 * ResilientAdbGateway} adds time limits, retries and circuit breakers around any gateway.
 *
 * <p>Every method throws an {@link AdbException} subclass when ADB does not deliver; none blocks
 * longer than its time limit.
 */
public interface AdbGateway {

  /**
   * Throws the refusal any call would get now when ADB itself is known to be unavailable (the ADB
   * server's circuit breaker is open), so work that needs ADB is refused before it is queued.
   * Gateways without breakers know nothing of this and never throw.
   *
   * @throws AdbCircuitOpenException while the ADB server's breaker is open
   */
  default void checkServerAvailable(String operation) {}

  /** The ADB server's protocol version ({@code host:version}); adb 29 answers 41. */
  int serverVersion();

  /** Every device the server knows, in any state ({@code host:devices-l}). */
  List<AdbDevice> devices();

  /**
   * Opens {@code host:track-devices}: {@code listener} receives the full list before this method
   * returns, then again after every change, until the returned tracking is closed or the server
   * goes away ({@link TrackListener#disconnected}).
   */
  DeviceTracking track(TrackListener listener);

  /** The device's system properties ({@code getprop}), by key. */
  Map<String, String> properties(String serial);

  /** The battery level in percent ({@code dumpsys battery}), empty if the device reports none. */
  OptionalInt batteryLevel(String serial);

  /**
   * Runs {@code command} with {@code sh -c} on the device, streaming its output to {@code sink} as
   * it arrives. Returns when it exits, when {@link ShellOptions#timeout()} passes or when {@link
   * ShellOptions#cancellation()} fires; in the last two cases the command is stopped.
   *
   * @throws AdbException when the command could not be started, or the device was lost while it
   *     ran ({@link AdbException#commandStarted()} is then true)
   */
  ShellResult shell(String serial, String command, ShellOptions options, OutputSink sink);
}
