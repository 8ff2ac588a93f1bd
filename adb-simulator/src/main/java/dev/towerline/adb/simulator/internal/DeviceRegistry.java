package dev.towerline.adb.simulator.internal;

import dev.towerline.adb.simulator.DeviceState;
import dev.towerline.adb.simulator.VirtualDevice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * The devices the simulated server knows, in the order they appeared. Every change bumps a
 * version number and wakes the device trackers.
 */
public final class DeviceRegistry {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Map<String, AttachedDevice> devices = new LinkedHashMap<>();
  private long version;
  private long lastTransportId;

  /** Adds the device, or replaces the one with the same serial (keeping its transport id). */
  public void put(VirtualDevice device) {
    lock.lock();
    try {
      AttachedDevice old = devices.get(device.serial());
      long id = old != null ? old.transportId() : ++lastTransportId;
      devices.put(device.serial(), new AttachedDevice(device, id));
      bump();
    } finally {
      lock.unlock();
    }
  }

  /** Removes the device; false if there was none with that serial. */
  public boolean remove(String serial) {
    lock.lock();
    try {
      boolean removed = devices.remove(serial) != null;
      if (removed) {
        bump();
      }
      return removed;
    } finally {
      lock.unlock();
    }
  }

  /** Replaces the device with {@code change.apply(device)}, which must keep the serial. */
  public VirtualDevice update(String serial, UnaryOperator<VirtualDevice> change) {
    lock.lock();
    try {
      AttachedDevice old = devices.get(serial);
      if (old == null) {
        throw new NoSuchElementException("no virtual device with serial '" + serial + "'");
      }
      VirtualDevice updated = change.apply(old.device());
      if (!updated.serial().equals(serial)) {
        throw new IllegalArgumentException(
            "an update must keep the serial '" + serial + "', got '" + updated.serial() + "'");
      }
      if (!updated.equals(old.device())) {
        devices.put(serial, new AttachedDevice(updated, old.transportId()));
        bump();
      }
      return updated;
    } finally {
      lock.unlock();
    }
  }

  public void setState(String serial, DeviceState state) {
    update(serial, device -> device.withState(state));
  }

  Optional<AttachedDevice> find(String serial) {
    lock.lock();
    try {
      return Optional.ofNullable(devices.get(serial));
    } finally {
      lock.unlock();
    }
  }

  Optional<AttachedDevice> findByTransportId(long transportId) {
    return snapshot().stream().filter(d -> d.transportId() == transportId).findFirst();
  }

  /** Whether this very transport still exists and can run device services. */
  boolean servesCommands(AttachedDevice attached) {
    return find(attached.serial())
        .filter(now -> now.transportId() == attached.transportId())
        .map(now -> now.device().state() == DeviceState.DEVICE
            || now.device().state() == DeviceState.RECOVERY)
        .orElse(false);
  }

  public List<VirtualDevice> devices() {
    List<VirtualDevice> list = new ArrayList<>();
    snapshot().forEach(attached -> list.add(attached.device()));
    return list;
  }

  List<AttachedDevice> snapshot() {
    lock.lock();
    try {
      return List.copyOf(devices.values());
    } finally {
      lock.unlock();
    }
  }

  long version() {
    lock.lock();
    try {
      return version;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until the version differs from {@code seen} or {@code maxMillis} pass.
   *
   * @return the version now
   */
  long awaitChange(long seen, long maxMillis) throws InterruptedException {
    lock.lock();
    try {
      long nanos = TimeUnit.MILLISECONDS.toNanos(maxMillis);
      while (version == seen && nanos > 0) {
        nanos = changed.awaitNanos(nanos);
      }
      return version;
    } finally {
      lock.unlock();
    }
  }

  private void bump() {
    version++;
    changed.signalAll();
  }
}
