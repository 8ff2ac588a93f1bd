package dev.towerline.server.adb;

import dev.towerline.server.adb.internal.AdbSocket;
import dev.towerline.server.adb.internal.Deadline;
import dev.towerline.server.adb.internal.DeviceListParser;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Opens the ADB server's device tracking stream, {@code host:track-devices-l}, or the short
 * {@code host:track-devices} from then on once the server turns out not to know the long form.
 * The first list is delivered before {@link #open} returns; a {@link TrackingSession} reads the
 * rest.
 */
final class TrackDevicesService {

  private final AdbServerConnector connector;
  private final AdbFailures failures;
  private final String adbServer;
  private final Duration callTimeout;
  private volatile boolean longTrackingUnsupported;

  TrackDevicesService(AdbServerConnector connector, AdbFailures failures, String adbServer,
      Duration callTimeout) {
    this.connector = connector;
    this.failures = failures;
    this.adbServer = adbServer;
    this.callTimeout = callTimeout;
  }

  DeviceTracking open(TrackListener listener) {
    Deadline deadline = Deadline.after(callTimeout);
    boolean longFormat = !longTrackingUnsupported;
    AdbSocket socket = connector.connect(new AdbSocket(), "track", null, deadline);
    try {
      socket.send(longFormat ? "host:track-devices-l" : "host:track-devices");
      AdbSocket.Reply reply = socket.readReply();
      if (!reply.okay()) {
        socket.close();
        if (longFormat && reply.failure().contains("unknown host service")) {
          // adb before 30 only knows the short form; remember that and ask again.
          longTrackingUnsupported = true;
          return open(listener);
        }
        throw failures.refused("track", null, reply.failure());
      }
      List<AdbDevice> first = DeviceListParser.parse(socket.readLengthPrefixed());
      listener.devicesChanged(first);
      TrackingSession session = new TrackingSession(socket, listener, adbServer, callTimeout);
      session.start();
      return session;
    } catch (IOException e) {
      socket.close();
      throw failures.hostFailure("track", null, deadline, e);
    } catch (RuntimeException e) {
      socket.close();
      throw e;
    }
  }
}
