package dev.towerline.server.devices;

import dev.towerline.protocol.Device;
import dev.towerline.server.adb.LinkHealth;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a fresh {@link Device} to every listener, on one event thread, so listeners see changes
 * in the order they were announced; a listener that throws is logged and the others still run.
 */
final class DeviceAnnouncer {

  // The tracker's logger: operators find every device-tracking line under that one name.
  private static final Logger log = LoggerFactory.getLogger(DeviceTracker.class);

  private final List<Consumer<Device>> listeners = new CopyOnWriteArrayList<>();
  private final ExecutorService events;

  DeviceAnnouncer(ThreadFactory eventThread) {
    this.events = Executors.newSingleThreadExecutor(eventThread);
  }

  /**
   * Adds {@code listener}, handing it {@code current} (every device as it is now) before any
   * later announcement. The caller holds the {@link DeviceTable}'s lock, so no change falls
   * between the copies and the announcements that follow.
   */
  void addListener(Consumer<Device> listener, List<Device> current) {
    Objects.requireNonNull(listener, "listener");
    try {
      events.execute(() -> current.forEach(device -> deliver(listener, device)));
    } catch (RejectedExecutionException closed) {
      // closing
    }
    listeners.add(listener);
  }

  private static void deliver(Consumer<Device> listener, Device device) {
    try {
      listener.accept(device);
    } catch (RuntimeException e) {
      log.warn("device listener failed for {}", device.getSerial(), e);
    }
  }

  /**
   * Queues a copy of {@code device} with {@code link} for the listeners. Callers announce under
   * the {@link DeviceTable}'s lock, so announcements leave in the order of the changes.
   */
  void announce(TrackedDevice device, LinkHealth link) {
    if (listeners.isEmpty()) {
      return;
    }
    Device copy = device.toDevice(link);
    try {
      events.execute(() -> listeners.forEach(listener -> deliver(listener, copy)));
    } catch (RejectedExecutionException closed) {
      // closing
    }
  }

  /** Lets the announcements already queued go out, then stops the event thread. */
  void close() {
    events.shutdown();
  }
}
