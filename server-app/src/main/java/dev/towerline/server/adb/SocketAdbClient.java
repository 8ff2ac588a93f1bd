package dev.towerline.server.adb;

import dev.towerline.server.adb.internal.AdbSocket;
import dev.towerline.server.adb.internal.Deadline;
import dev.towerline.server.adb.internal.DeviceListParser;
import dev.towerline.server.adb.internal.LegacyShellReader;
import dev.towerline.server.adb.internal.ShellOutputParsers;
import dev.towerline.server.adb.internal.ShellStreamReader;
import dev.towerline.server.adb.internal.ShellV2Reader;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

  private static final Logger log = LoggerFactory.getLogger(SocketAdbClient.class);

  static final String SHELL_V2_FEATURE = "shell_v2";
  /** Features change only when a device's OS does; one query a minute per device is plenty. */
  private static final long FEATURES_TTL_NANOS = Duration.ofMinutes(1).toNanos();
  /** Sent after a shell v2 command starts, as the adb client does: the command's stdin is empty. */
  private static final byte[] CLOSE_STDIN = {4, 0, 0, 0, 0};
  private static final Pattern NOT_FOUND = Pattern.compile("device '(.*)' not found");
  private static final AtomicInteger TRACKER_THREADS = new AtomicInteger();

  private final String host;
  private final int port;
  private final String adbServer;
  private final Duration connectTimeout;
  private final Duration callTimeout;
  private final Map<String, Features> features = new ConcurrentHashMap<>();
  private volatile boolean longTrackingUnsupported;

  private record Features(boolean shellV2, long fetchedNanos) {}

  /** A client of {@link AdbConfig#adbServer()} with the config's connect and call time-outs. */
  public SocketAdbClient(AdbConfig config) {
    this.host = config.adbHost();
    this.port = config.adbPort();
    this.adbServer = config.adbServer();
    this.connectTimeout = config.connectTimeout();
    this.callTimeout = config.callTimeout();
  }

  /** The server this client talks to, as {@code host:port}. */
  public String adbServer() {
    return adbServer;
  }

  @Override
  public int serverVersion() {
    String reply = hostQuery("version", null, "host:version", Deadline.after(callTimeout));
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
        hostQuery("devices", null, "host:devices-l", Deadline.after(callTimeout)));
  }

  @Override
  public Map<String, String> properties(String serial) {
    return ShellOutputParsers.properties(collect("properties", serial, "getprop"));
  }

  @Override
  public OptionalInt batteryLevel(String serial) {
    return ShellOutputParsers.batteryLevel(collect("battery", serial, "dumpsys battery"));
  }

  @Override
  public ShellResult shell(String serial, String command, ShellOptions options, OutputSink sink) {
    return runShell("shell", serial, command, options, sink);
  }

  @Override
  public DeviceTracking track(TrackListener listener) {
    Objects.requireNonNull(listener, "listener");
    Deadline deadline = Deadline.after(callTimeout);
    boolean longFormat = !longTrackingUnsupported;
    AdbSocket socket = connect(new AdbSocket(), "track", null, deadline);
    try {
      socket.send(longFormat ? "host:track-devices-l" : "host:track-devices");
      AdbSocket.Reply reply = socket.readReply();
      if (!reply.okay()) {
        socket.close();
        if (longFormat && reply.failure().contains("unknown host service")) {
          // adb before 30 only knows the short form; remember that and ask again.
          longTrackingUnsupported = true;
          return track(listener);
        }
        throw refused("track", null, reply.failure());
      }
      List<AdbDevice> first = DeviceListParser.parse(socket.readLengthPrefixed());
      listener.devicesChanged(first);
      TrackingSession session = new TrackingSession(socket, listener);
      session.start();
      return session;
    } catch (IOException e) {
      socket.close();
      throw hostFailure("track", null, deadline, e);
    } catch (RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  // ---------------------------------------------------------------- host queries

  private String hostQuery(String operation, String serial, String request, Deadline deadline) {
    try (AdbSocket socket = connect(new AdbSocket(), operation, serial, deadline)) {
      socket.send(request);
      AdbSocket.Reply reply = socket.readReply();
      if (!reply.okay()) {
        throw refused(operation, serial, reply.failure());
      }
      return socket.readLengthPrefixed();
    } catch (IOException e) {
      throw hostFailure(operation, serial, deadline, e);
    }
  }

  private AdbSocket connect(AdbSocket socket, String operation, String serial, Deadline deadline) {
    try {
      socket.connect(new InetSocketAddress(host, port), connectTimeout, deadline);
      return socket;
    } catch (SocketTimeoutException e) {
      socket.close();
      long limit = Math.min(connectTimeout.toMillis(), deadline.limit().toMillis());
      throw unreachable(operation, serial, "did not accept a connection within " + limit + " ms",
          e);
    } catch (IOException e) {
      socket.close();
      throw unreachable(operation, serial, describe(e), e);
    }
  }

  private AdbServerUnavailableException unreachable(
      String operation, String serial, String why, Throwable cause) {
    return new AdbServerUnavailableException(adbServer,
        "ADB server " + adbServer + " is not reachable: " + why, operation, serial, cause);
  }

  private AdbException hostFailure(
      String operation, String serial, Deadline deadline, IOException failure) {
    String what = serial == null ? operation : operation + " for device '" + serial + "'";
    if (failure instanceof SocketTimeoutException) {
      return new AdbTimeoutException("ADB server " + adbServer + " did not answer " + what
          + " within " + deadline.limit().toMillis() + " ms", operation, serial, deadline.limit());
    }
    if (failure instanceof ProtocolException) {
      return new AdbServerUnavailableException(adbServer, "ADB server " + adbServer
          + " gave an answer to " + what + " that is not the ADB protocol", operation, serial,
          failure);
    }
    return new AdbServerUnavailableException(adbServer, "ADB server " + adbServer
        + " closed the connection without answering " + what, operation, serial, failure);
  }

  /** A {@code FAIL} reply, in ADB's own words. */
  private AdbException refused(String operation, String serial, String failure) {
    String reason = failure.lines().findFirst().orElse("").strip();
    var notFound = NOT_FOUND.matcher(reason);
    if (notFound.matches()) {
      return new AdbDeviceNotFoundException(serial == null ? notFound.group(1) : serial, operation);
    }
    // adbd answers "closed" when it drops a service, e.g. while restarting: worth another try.
    boolean transientFailure = reason.equals("closed");
    String message = serial == null
        ? "ADB server " + adbServer + " refused " + operation + ": " + reason
        : "ADB refused " + operation + " on device '" + serial + "': " + reason;
    return new AdbCommandFailedException(message, operation, serial, transientFailure, false,
        null);
  }

  private static String describe(IOException e) {
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    if (e instanceof UnknownHostException) {
      return "unknown host";
    }
    return "connection failed";
  }

  // ---------------------------------------------------------------- device services

  private ShellResult runShell(
      String operation, String serial, String command, ShellOptions options, OutputSink sink) {
    Objects.requireNonNull(serial, "serial");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(sink, "sink");
    if (Objects.requireNonNull(command, "command").isBlank()) {
      throw new IllegalArgumentException("shell command must not be blank");
    }
    long started = System.nanoTime();
    CancellationSignal cancellation = options.cancellation();
    Deadline run = Deadline.after(options.timeout());
    Deadline setup = Deadline.after(callTimeout).earlier(run);
    AdbSocket socket = new AdbSocket();
    CancellationSignal.Registration onCancel = cancellation.onCancel(socket::close);
    try {
      if (cancellation.isCancelled()) {
        return ShellResult.cancelled(since(started));
      }
      ShellStreamReader reader;
      try {
        reader = startShell(socket, operation, serial, command, sink, setup);
      } catch (AdbException e) {
        if (cancellation.isCancelled()) {
          return ShellResult.cancelled(since(started));
        }
        if (e instanceof AdbTimeoutException && run.expired()) {
          return ShellResult.timedOut(since(started));
        }
        throw e;
      }
      socket.deadline(run);
      try {
        return ShellResult.exited(reader.readToEnd(socket), since(started));
      } catch (IOException e) {
        reader.flushHeld();
        if (cancellation.isCancelled()) {
          return ShellResult.cancelled(since(started));
        }
        if (e instanceof SocketTimeoutException && run.expired()) {
          return ShellResult.timedOut(since(started));
        }
        throw new AdbCommandFailedException("the connection to device '" + serial
            + "' was lost while " + operation + " ran", operation, serial, false, true, e);
      }
    } finally {
      onCancel.close();
      // Closing stops the command on the device, as the adb client does on Ctrl-C.
      socket.close();
    }
  }

  private ShellStreamReader startShell(AdbSocket socket, String operation, String serial,
      String command, OutputSink sink, Deadline setup) {
    boolean v2 = supportsShellV2(operation, serial, setup);
    String marker = v2 ? null : LegacyShellReader.newMarker();
    String service = v2 ? "shell,v2,raw:" + command
        : "shell:" + LegacyShellReader.command(command, marker);
    if (service.getBytes(StandardCharsets.UTF_8).length > AdbSocket.MAX_REQUEST_BYTES) {
      throw new IllegalArgumentException("shell command is too long for ADB: "
          + command.getBytes(StandardCharsets.UTF_8).length + " bytes");
    }
    openService(socket, operation, serial, service, setup);
    if (v2) {
      try {
        socket.write(CLOSE_STDIN);
      } catch (IOException e) {
        throw setupFailure(operation, serial, setup, e);
      }
      return new ShellV2Reader(sink);
    }
    return new LegacyShellReader(sink, marker);
  }

  private boolean supportsShellV2(String operation, String serial, Deadline deadline) {
    Features cached = features.get(serial);
    if (cached != null && System.nanoTime() - cached.fetchedNanos() < FEATURES_TTL_NANOS) {
      return cached.shellV2();
    }
    String list = hostQuery(operation, serial, "host-serial:" + serial + ":features", deadline);
    boolean v2 = Arrays.asList(list.strip().split(",")).contains(SHELL_V2_FEATURE);
    features.put(serial, new Features(v2, System.nanoTime()));
    return v2;
  }

  /** Switches the connection to the device and opens {@code service} on it. */
  private void openService(
      AdbSocket socket, String operation, String serial, String service, Deadline deadline) {
    connect(socket, operation, serial, deadline);
    try {
      socket.send("host:transport:" + serial);
      AdbSocket.Reply transport = socket.readReply();
      if (!transport.okay()) {
        throw refused(operation, serial, transport.failure());
      }
      socket.send(service);
      AdbSocket.Reply opened = socket.readReply();
      if (!opened.okay()) {
        throw refused(operation, serial, opened.failure());
      }
    } catch (IOException e) {
      socket.close();
      throw setupFailure(operation, serial, deadline, e);
    } catch (RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  private AdbException setupFailure(
      String operation, String serial, Deadline deadline, IOException failure) {
    if (failure instanceof SocketTimeoutException) {
      return new AdbTimeoutException("ADB did not start " + operation + " on device '" + serial
          + "' within " + deadline.limit().toMillis() + " ms", operation, serial,
          deadline.limit());
    }
    // Nothing ran yet, so another try is safe.
    return new AdbCommandFailedException("ADB closed the connection before " + operation
        + " started on device '" + serial + "'", operation, serial, true, false, failure);
  }

  /** Runs a read-only command within the call time-out and returns its stdout. */
  private String collect(String operation, String serial, String command) {
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    ShellResult result;
    try {
      result = runShell(operation, serial, command, ShellOptions.ofTimeout(callTimeout),
          OutputSink.collecting(out, err));
    } catch (AdbCommandFailedException e) {
      if (!e.commandStarted()) {
        throw e;
      }
      // getprop and dumpsys only read, so one cut off midway may simply run again.
      throw new AdbCommandFailedException(e.getMessage(), operation, serial, true, false, e);
    }
    if (result.outcome() != ShellResult.Outcome.EXITED) {
      throw new AdbTimeoutException("device '" + serial + "' did not finish " + operation
          + " within " + callTimeout.toMillis() + " ms", operation, serial, callTimeout);
    }
    int status = result.exitCode().orElse(0);
    if (status != 0) {
      String reason = err.toString().lines().findFirst().orElse("").strip();
      throw new AdbCommandFailedException("'" + command + "' exited with status " + status
          + " on device '" + serial + "'" + (reason.isEmpty() ? "" : ": " + reason), operation,
          serial, false, false, null);
    }
    return out.toString();
  }

  private static Duration since(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  // ---------------------------------------------------------------- tracking

  /** Reads track-devices pushes on its own daemon thread until closed or cut. */
  private final class TrackingSession implements DeviceTracking, Runnable {
    private final AdbSocket socket;
    private final TrackListener listener;
    private final Thread thread;
    private volatile boolean open = true;

    TrackingSession(AdbSocket socket, TrackListener listener) {
      this.socket = socket;
      this.listener = listener;
      this.thread = new Thread(this, "towerline-adb-track-" + TRACKER_THREADS.incrementAndGet());
      thread.setDaemon(true);
    }

    void start() {
      thread.start();
    }

    @Override
    public void run() {
      try {
        while (open) {
          // Silence is normal between changes; the read time-out only lets us notice close().
          if (!socket.awaitData(callTimeout)) {
            continue;
          }
          socket.deadline(Deadline.after(callTimeout));
          List<AdbDevice> devices = DeviceListParser.parse(socket.readLengthPrefixed());
          deliver(devices);
        }
      } catch (IOException e) {
        end(e instanceof EOFException ? "closed device tracking" : "broke off device tracking", e);
      } catch (RuntimeException e) {
        log.warn("device tracking on {} failed unexpectedly", adbServer, e);
        end("broke off device tracking", e);
      }
    }

    private void deliver(List<AdbDevice> devices) {
      try {
        listener.devicesChanged(devices);
      } catch (RuntimeException e) {
        log.warn("device tracking listener failed on a list of {} devices", devices.size(), e);
      }
    }

    private void end(String what, Exception cause) {
      if (!open) {
        return;
      }
      open = false;
      socket.close();
      listener.disconnected(new AdbServerUnavailableException(adbServer,
          "ADB server " + adbServer + " " + what, "track", null, cause));
    }

    @Override
    public boolean isOpen() {
      return open;
    }

    @Override
    public void close() {
      open = false;
      socket.close();
    }
  }
}
