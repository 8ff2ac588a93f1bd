package dev.towerline.adb.simulator.internal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Parses the host requests that name a device: transport switches and per-device queries. */
final class HostRequests {
  /** The per-device queries the simulator answers. */
  static final Set<String> DEVICE_QUERIES = Set.of("features", "get-state", "get-serialno");

  private static final Map<String, Target> PLAIN_PREFIXES =
      Map.of("host", Target.ANY, "host-usb", Target.USB, "host-local", Target.LOCAL);

  /** A request to route the rest of the connection to a device. */
  record TransportSwitch(Target target, boolean reportsTransportId) {}

  /** A question about one device, answered by the server without a transport switch. */
  record DeviceQuery(Target target, String query) {}

  private HostRequests() {}

  /**
   * {@code host:transport:<serial>}, {@code host:transport-usb|-local|-any}, {@code
   * host:transport-id:<id>}, and the newer {@code host:tport:serial:<serial>|usb|local|any} whose
   * reply carries the transport id.
   */
  static Optional<TransportSwitch> transportSwitch(String request) {
    if (request.startsWith("host:tport:")) {
      return target(request.substring("host:tport:".length()), "serial:", "id:")
          .map(t -> new TransportSwitch(t, true));
    }
    if (request.startsWith("host:transport")) {
      return target(request.substring("host:transport".length()), ":", "-id:")
          .map(t -> new TransportSwitch(t, false));
    }
    return Optional.empty();
  }

  private static Optional<Target> target(String rest, String serialPrefix, String idPrefix) {
    if (rest.startsWith(idPrefix)) {
      return Target.transportId(rest.substring(idPrefix.length()));
    }
    if (rest.startsWith(serialPrefix) && rest.length() > serialPrefix.length()) {
      return Optional.of(Target.serial(rest.substring(serialPrefix.length())));
    }
    switch (rest) {
      case "any":
      case "-any":
        return Optional.of(Target.ANY);
      case "usb":
      case "-usb":
        return Optional.of(Target.USB);
      case "local":
      case "-local":
        return Optional.of(Target.LOCAL);
      default:
        return Optional.empty();
    }
  }

  /**
   * {@code host:<query>} (the only device), {@code host-serial:<serial>:<query>}, {@code
   * host-usb:<query>}, {@code host-local:<query>}, {@code host-transport-id:<id>:<query>}.
   */
  static Optional<DeviceQuery> deviceQuery(String request) {
    int lastColon = request.lastIndexOf(':');
    if (lastColon < 0 || !DEVICE_QUERIES.contains(request.substring(lastColon + 1))) {
      return Optional.empty();
    }
    String query = request.substring(lastColon + 1);
    String prefix = request.substring(0, lastColon);
    Optional<Target> target;
    if (prefix.startsWith("host-serial:")) {
      // Serials may contain ':' (192.168.1.5:5555), so the query is what follows the last one.
      target = Optional.of(Target.serial(prefix.substring("host-serial:".length())));
    } else if (prefix.startsWith("host-transport-id:")) {
      target = Target.transportId(prefix.substring("host-transport-id:".length()));
    } else {
      target = Optional.ofNullable(PLAIN_PREFIXES.get(prefix));
    }
    return target.map(t -> new DeviceQuery(t, query));
  }
}
