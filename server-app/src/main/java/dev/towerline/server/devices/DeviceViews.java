package dev.towerline.server.devices;

import dev.towerline.protocol.Device;
import dev.towerline.server.adb.AdbLinkMonitor;
import dev.towerline.server.adb.LinkHealth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The devices of the {@link DeviceTable} sorted by serial in the contract's shape, converted again
 * only when a device changed: lists are read thousands of times a second, devices change seconds
 * apart. Every read hands out fresh copies. Call {@link #changed} after every change of a device
 * or of its link, as {@link DeviceTable} does.
 */
final class DeviceViews {

  /** A device in the contract's shape, converted from {@code source} with {@code link}. */
  private record View(TrackedDevice source, LinkHealth link, Device device) {
    boolean counting() {
      return link.state() == LinkHealth.State.OPEN;
    }
  }

  /**
   * The views of the table as it was at {@code version}, sorted by serial; {@code counting} when a
   * view's open breaker counts down, which converts it again on every read.
   */
  private record Snapshot(long version, List<View> views, boolean counting) {
    Snapshot(long version, List<View> views) {
      this(version, views, views.stream().anyMatch(View::counting));
    }
  }

  private static final Comparator<TrackedDevice> BY_SERIAL = Comparator.comparing(TrackedDevice::serial);

  private final AdbLinkMonitor links;
  private final AtomicLong version = new AtomicLong();
  private volatile Snapshot snapshot = new Snapshot(-1, List.of());

  DeviceViews(AdbLinkMonitor links) {
    this.links = links;
  }

  /** The table changed: the next read converts what changed. Call after the change is stored. */
  void changed() {
    version.incrementAndGet();
  }

  /** Every device of {@code table}, sorted by serial, as fresh copies. */
  List<Device> all(Collection<TrackedDevice> table) {
    List<View> views = current(table).views();
    List<Device> all = new ArrayList<>(views.size());
    for (View view : views) {
      // The table hears of every change of a link, except the countdown of an open breaker's
      // retry_after_seconds: only such a device is converted on every read.
      Device device = view.counting()
          ? view.source().toDevice(links.device(view.source().serial()))
          : view.device();
      all.add(DeviceCopies.copyOf(device));
    }
    return all;
  }

  /** See {@link DeviceDirectory#version}: read before {@link #all}. */
  Optional<Object> version(Collection<TrackedDevice> table) {
    Snapshot now = current(table);
    return now.counting() ? Optional.empty() : Optional.of(now.version());
  }

  private Snapshot current(Collection<TrackedDevice> table) {
    // Read the version before the table: a change stored after this read makes the snapshot stale.
    long now = version.get();
    Snapshot last = snapshot;
    if (last.version() == now) {
      return last;
    }
    Snapshot fresh = new Snapshot(now, convert(table, last));
    snapshot = fresh;
    return fresh;
  }

  private List<View> convert(Collection<TrackedDevice> table, Snapshot last) {
    Map<String, View> before = new HashMap<>(last.views().size() * 2);
    last.views().forEach(view -> before.put(view.source().serial(), view));
    List<TrackedDevice> sorted = new ArrayList<>(table);
    sorted.sort(BY_SERIAL);
    List<View> views = new ArrayList<>(sorted.size());
    for (TrackedDevice device : sorted) {
      View kept = before.get(device.serial());
      LinkHealth link = links.device(device.serial());
      // Tracked devices are immutable: the same instance with the same link means nothing changed.
      boolean unchanged = kept != null && kept.source() == device && kept.link().equals(link);
      views.add(unchanged ? kept : new View(device, link, device.toDevice(link)));
    }
    return List.copyOf(views);
  }
}
