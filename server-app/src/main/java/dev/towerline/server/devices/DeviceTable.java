package dev.towerline.server.devices;

import dev.towerline.protocol.Device;
import dev.towerline.protocol.DeviceState;
import dev.towerline.server.adb.AdbConfig;
import dev.towerline.server.adb.AdbDevice;
import dev.towerline.server.adb.AdbLinkMonitor;
import dev.towerline.server.adb.LinkHealth;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Every device ever seen, by serial. Changes are made under one lock and each change a client
 * could see is announced while still holding it, so announcements follow the order of the
 * changes; reads need no lock.
 */
final class DeviceTable implements AdbLinkMonitor.LinkListener {

  private final AdbLinkMonitor links;
  private final AdbConfig config;
  private final Clock clock;
  private final DeviceAnnouncer announcer;
  private final DeviceViews views;
  private final Map<String, TrackedDevice> devices = new ConcurrentHashMap<>();
  private final Object lock = new Object();

  /**
   * @param links the health of each device's link, shown in {@link Device#getLink()}
   * @param config for the operator labels of a device seen for the first time
   * @param clock for {@code last_seen_at} and {@code state_changed_at}
   */
  DeviceTable(AdbLinkMonitor links, AdbConfig config, Clock clock, DeviceAnnouncer announcer) {
    this.links = links;
    this.config = config;
    this.clock = clock;
    this.announcer = announcer;
    this.views = new DeviceViews(links);
  }

  /** Every device, sorted by serial, as fresh copies. */
  List<Device> all() {
    return views.all(devices.values());
  }

  Optional<Object> version() {
    return views.version(devices.values());
  }

  Optional<Device> find(String serial) {
    TrackedDevice device = devices.get(serial);
    return device == null ? Optional.empty()
        : Optional.of(device.toDevice(links.device(serial)));
  }

  /**
   * Adds a listener that first gets every device as it is now, then every change: one that
   * subscribes after devices were found (the feeds, after a restart's first discovery) misses none.
   */
  void addListener(Consumer<Device> listener) {
    synchronized (lock) {
      announcer.addListener(listener, all());
    }
  }

  /** A live view of the devices, for walking without the lock. */
  Collection<TrackedDevice> devices() {
    return Collections.unmodifiableCollection(devices.values());
  }

  /**
   * Takes a complete device list from ADB: listed devices are added or updated, known ones it no
   * longer lists go offline.
   *
   * @return the serials of the listed devices that are ready but whose properties are not read
   */
  List<String> applyListed(List<AdbDevice> listed) {
    Instant now = clock.instant();
    List<String> toRead = new ArrayList<>();
    synchronized (lock) {
      Set<String> seen = new HashSet<>();
      for (AdbDevice adb : listed) {
        seen.add(adb.serial());
        TrackedDevice before = devices.get(adb.serial());
        TrackedDevice after = before == null
            ? TrackedDevice.first(adb.serial(), adb.state(), config.labelsOf(adb.serial()), now)
            : before.listed(adb.state(), now);
        store(before, after);
        if (after.isReady() && !after.propertiesLoaded()) {
          toRead.add(after.serial());
        }
      }
      for (TrackedDevice device : List.copyOf(devices.values())) {
        if (!seen.contains(device.serial()) && device.adbState() != null) {
          store(device, device.unlisted(now));
        }
      }
    }
    return toRead;
  }

  /** The ADB server is unreachable: every listed device goes offline, keeping what we knew. */
  void markAllOffline() {
    Instant now = clock.instant();
    synchronized (lock) {
      for (TrackedDevice device : List.copyOf(devices.values())) {
        if (device.adbState() != null) {
          store(device, device.unlisted(now));
        }
      }
    }
  }

  /** Refreshes {@code last_seen_at} of the known devices in {@code listed}; announces nothing. */
  void markSeen(List<AdbDevice> listed) {
    Instant now = clock.instant();
    synchronized (lock) {
      boolean changed = false;
      for (AdbDevice seen : listed) {
        TrackedDevice before = devices.get(seen.serial());
        TrackedDevice after = before == null ? null : before.seen(now);
        if (after != null && !after.equals(before)) {
          devices.put(after.serial(), after);
          changed = true;
        }
      }
      if (changed) {
        views.changed();
      }
    }
  }

  /** Applies {@code change} to the device, if known. */
  void update(String serial, UnaryOperator<TrackedDevice> change) {
    synchronized (lock) {
      TrackedDevice before = devices.get(serial);
      if (before != null) {
        store(before, change.apply(before));
      }
    }
  }

  /** See {@link DeviceTracker#markBusy}. */
  boolean markBusy(String serial, String executionId) {
    Objects.requireNonNull(executionId, "executionId");
    synchronized (lock) {
      TrackedDevice device = devices.get(serial);
      if (device == null || device.state() != DeviceState.ONLINE) {
        return false;
      }
      store(device, device.busy(executionId, clock.instant()));
      return true;
    }
  }

  /** See {@link DeviceTracker#markIdle}. */
  boolean markIdle(String serial) {
    synchronized (lock) {
      TrackedDevice device = devices.get(serial);
      if (device == null || device.executionId() == null) {
        return false;
      }
      store(device, device.idle(clock.instant()));
      return true;
    }
  }

  /** A device's link changed: announced like any other change. */
  @Override
  public void deviceLinkChanged(String serial, LinkHealth health) {
    synchronized (lock) {
      TrackedDevice device = devices.get(serial);
      if (device != null) {
        views.changed();
        announcer.announce(device, health);
      }
    }
  }

  /**
   * Stores {@code after} and announces it if a listener would see a difference; an equal device
   * changes nothing, so the lists rendered before stay current. Under lock.
   */
  private void store(TrackedDevice before, TrackedDevice after) {
    if (after.equals(before)) {
      return;
    }
    devices.put(after.serial(), after);
    views.changed();
    if (before == null || after.visiblyDiffersFrom(before)) {
      announcer.announce(after, links.device(after.serial()));
    }
  }
}
