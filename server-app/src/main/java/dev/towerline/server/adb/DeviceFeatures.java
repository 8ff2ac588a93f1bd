package dev.towerline.server.adb;

import dev.towerline.server.adb.internal.Deadline;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Whether a device speaks shell v2, as the ADB server lists the device's features. */
final class DeviceFeatures {

  static final String SHELL_V2_FEATURE = "shell_v2";
  /** Features change only when a device's OS does; one query a minute per device is plenty. */
  private static final long FEATURES_TTL_NANOS = Duration.ofMinutes(1).toNanos();

  private final AdbServerConnector connector;
  private final Map<String, Features> features = new ConcurrentHashMap<>();

  private record Features(boolean shellV2, long fetchedNanos) {}

  DeviceFeatures(AdbServerConnector connector) {
    this.connector = connector;
  }

  boolean supportsShellV2(String operation, String serial, Deadline deadline) {
    Features cached = features.get(serial);
    if (cached != null && System.nanoTime() - cached.fetchedNanos() < FEATURES_TTL_NANOS) {
      return cached.shellV2();
    }
    String list = connector.hostQuery(
        operation, serial, "host-serial:" + serial + ":features", deadline);
    boolean v2 = Arrays.asList(list.strip().split(",")).contains(SHELL_V2_FEATURE);
    features.put(serial, new Features(v2, System.nanoTime()));
    return v2;
  }
}
