package dev.towerline.server.adb;

import dev.towerline.server.adb.internal.Deadline;
import dev.towerline.server.adb.internal.DeviceListParser;
import dev.towerline.server.adb.internal.ShellOutputParsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Towerline's own client of the ADB host ("smart socket") protocol, as spoken by {@code adb}'s
 * server on port 5037 and by the ADB simulator. One TCP connection per call, as the real server
 * expects: one-shot host queries are answered and then the server closes.
 *
 * <p>Every connection has a connect time-out ({@link AdbConfig#connectTimeout()}) and every read
 * a deadline: {@link AdbConfig#callTimeout()} for queries and for starting a command, the
 * command's own {@link ShellOptions#timeout()} while it runs. Shell commands use shell v2 (separate
 * stdout and stderr, exit status) when the device lists {@code shell_v2} in its features, else the
 * legacy {@code shell:} service with an exit marker appended to the command.
 *
 * <p>No retries, breakers or metrics here: wrap it in {@link ResilientAdbGateway}. Thread-safe.
 */
public final class SocketAdbClient implements AdbGateway {

  private final String adbServer;
  private final Duration callTimeout;
  private final AdbServerConnector connector;
  private final DeviceShell deviceShell;
  private final TrackDevicesService tracking;

  /** A client of {@link AdbConfig#adbServer()} with the config's connect and call time-outs. */
  public SocketAdbClient(AdbConfig config) {
    this.adbServer = config.adbServer();
    this.callTimeout = config.callTimeout();
    AdbFailures failures = new AdbFailures(adbServer);
    this.connector = new AdbServerConnector(config, failures);
    this.deviceShell = new DeviceShell(connector, failures, callTimeout);
    this.tracking = new TrackDevicesService(connector, failures, adbServer, callTimeout);
  }

  /** The server this client talks to, as {@code host:port}. */
  public String adbServer() {
    return adbServer;
  }

  @Override
  public int serverVersion() {
    String reply = connector.hostQuery("version", null, "host:version",
        Deadline.after(callTimeout));
    try {
      return Integer.parseInt(reply.strip(), 16);
    } catch (NumberFormatException e) {
      throw new AdbServerUnavailableException(adbServer, "ADB server " + adbServer
          + " answered version '" + reply.strip() + "', which is not a version number", "version",
          null, e);
    }
  }

  @Override
  public List<AdbDevice> devices() {
    return DeviceListParser.parse(
        connector.hostQuery("devices", null, "host:devices-l", Deadline.after(callTimeout)));
  }

  @Override
  public Map<String, String> properties(String serial) {
    return ShellOutputParsers.properties(deviceShell.collect("properties", serial, "getprop"));
  }

  @Override
  public OptionalInt batteryLevel(String serial) {
    return ShellOutputParsers.batteryLevel(
        deviceShell.collect("battery", serial, "dumpsys battery"));
  }

  @Override
  public ShellResult shell(String serial, String command, ShellOptions options, OutputSink sink) {
    return deviceShell.run("shell", serial, command, options, sink);
  }

  @Override
  public DeviceTracking track(TrackListener listener) {
    Objects.requireNonNull(listener, "listener");
    return tracking.open(listener);
  }
}
