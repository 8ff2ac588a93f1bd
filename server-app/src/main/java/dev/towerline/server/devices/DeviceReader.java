package dev.towerline.server.devices;

import dev.towerline.server.adb.AdbException;
import dev.towerline.server.adb.AdbGateway;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads devices' properties and battery levels on background threads into the {@link
 * DeviceTable}, at most one read per device at a time. A failed read is logged and left for the
 * next poll interval to try again.
 */
final class DeviceReader {

  // The tracker's logger: operators find every device-tracking line under that one name.
  private static final Logger log = LoggerFactory.getLogger(DeviceTracker.class);
  private static final int READER_THREADS = 4;

  private final AdbGateway gateway;
  private final DeviceTable table;
  private final Set<String> readsInFlight = ConcurrentHashMap.newKeySet();
  private final ExecutorService readers;

  /** @param gateway where properties and battery levels come from; pass the resilient gateway */
  DeviceReader(AdbGateway gateway, DeviceTable table, ThreadFactory readerThreads) {
    this.gateway = gateway;
    this.table = table;
    this.readers = Executors.newFixedThreadPool(READER_THREADS, readerThreads);
  }

  /**
   * Queues a read of the device's battery level, and of its properties first when {@code
   * withProperties}; does nothing while a read of the same device is queued or running.
   */
  void schedule(String serial, boolean withProperties) {
    if (!readsInFlight.add(serial)) {
      return;
    }
    try {
      readers.execute(() -> read(serial, withProperties));
    } catch (RejectedExecutionException closed) {
      readsInFlight.remove(serial);
    }
  }

  /** Waits until no read is queued or running, or until {@code bound} has passed. */
  void awaitReads(Duration bound) throws InterruptedException {
    long end = System.nanoTime() + bound.toNanos();
    while (!readsInFlight.isEmpty() && System.nanoTime() - end < 0) {
      Thread.sleep(5);
    }
  }

  /** Drops the queued reads and interrupts the running ones. */
  void close() {
    readers.shutdownNow();
  }

  private void read(String serial, boolean withProperties) {
    try {
      if (withProperties) {
        try {
          Map<String, String> properties = gateway.properties(serial);
          table.update(serial, device -> device.withProperties(properties));
        } catch (AdbException e) {
          log.debug("could not read the properties of {}: {}", serial, e.getMessage());
        }
      }
      try {
        OptionalInt level = gateway.batteryLevel(serial);
        if (level.isPresent()) {
          table.update(serial, device -> device.withBatteryLevel(level.getAsInt()));
        }
      } catch (AdbException e) {
        log.debug("could not read the battery level of {}: {}", serial, e.getMessage());
      }
    } finally {
      readsInFlight.remove(serial);
    }
  }
}
