package dev.towerline.server.adb;

import dev.towerline.server.adb.internal.AdbSocket;
import dev.towerline.server.adb.internal.Deadline;
import dev.towerline.server.adb.internal.DeviceListParser;
import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads track-devices pushes on its own daemon thread until closed or cut. */
final class TrackingSession implements DeviceTracking, Runnable {

  // Logged as SocketAdbClient, the class operators know tracking by, so their log filters match.
  private static final Logger log = LoggerFactory.getLogger(SocketAdbClient.class);
  private static final AtomicInteger TRACKER_THREADS = new AtomicInteger();

  private final AdbSocket socket;
  private final TrackListener listener;
  private final String adbServer;
  private final Duration callTimeout;
  private final Thread thread;
  private volatile boolean open = true;

  /** A session on {@code socket}, whose first device list has been read already. */
  TrackingSession(
      AdbSocket socket, TrackListener listener, String adbServer, Duration callTimeout) {
    this.socket = socket;
    this.listener = listener;
    this.adbServer = adbServer;
    this.callTimeout = callTimeout;
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
