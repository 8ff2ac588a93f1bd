package dev.towerline.adb.simulator.internal;

import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The requests the server answers itself; each is one request, one reply, then close. */
final class HostServices {
  private static final Logger LOG = LoggerFactory.getLogger(HostServices.class);
  /** adb 29's ADB_SERVER_VERSION; a client seeing another version kills and restarts "us". */
  static final String SERVER_VERSION = String.format("%04x", 41);

  private final ServerContext context;

  HostServices(ServerContext context) {
    this.context = context;
  }

  /** Answers a host request that is not a transport switch. */
  void answer(ClientLink link, String request) throws IOException {
    switch (request) {
      case "host:version":
        link.send(Wire.okay(SERVER_VERSION));
        return;
      case "host:devices":
      case "host:devices-l":
        link.send(Wire.okay(listing(request.endsWith("-l"))));
        return;
      case "host:track-devices":
      case "host:track-devices-l":
        new DeviceTracker(context.registry(), context.stopping())
            .run(link, request.endsWith("-l"));
        return;
      case "host:kill":
        // A test fixture outlives "adb kill-server": acknowledge, and keep running.
        LOG.info("ignoring host:kill from {}; stop the simulator from its owner", link.describe());
        link.send(Wire.OKAY);
        return;
      default:
        answerDeviceQuery(link, request);
    }
  }

  private void answerDeviceQuery(ClientLink link, String request) throws IOException {
    Optional<HostRequests.DeviceQuery> query = HostRequests.deviceQuery(request);
    if (query.isEmpty()) {
      link.send(Wire.fail("unknown host service"));
      return;
    }
    try {
      link.send(Wire.okay(deviceQuery(query.get())));
    } catch (ServiceFailure e) {
      link.send(Wire.fail(e.getMessage()));
    }
  }

  private String deviceQuery(HostRequests.DeviceQuery query) throws ServiceFailure {
    // get-state and get-serialno work in any state; features needs a connected device.
    boolean anyState = !query.query().equals("features");
    AttachedDevice attached =
        TransportSelector.select(context.registry().snapshot(), query.target(), anyState);
    switch (query.query()) {
      case "get-state":
        return attached.device().state().wireName();
      case "get-serialno":
        return attached.serial();
      default:
        return Features.of(attached.device());
    }
  }

  private String listing(boolean longFormat) {
    return DeviceListing.format(context.registry().snapshot(), longFormat);
  }
}
