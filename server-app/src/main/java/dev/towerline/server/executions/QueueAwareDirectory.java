package dev.towerline.server.executions;

import dev.towerline.protocol.Device;
import dev.towerline.server.devices.DeviceDirectory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The device directory with each device's {@code queued_executions} filled in from the scheduler. */
final class QueueAwareDirectory implements DeviceDirectory {
  private final DeviceDirectory devices;
  private final ExecutionScheduler scheduler;

  QueueAwareDirectory(DeviceDirectory devices, ExecutionScheduler scheduler) {
    this.devices = devices;
    this.scheduler = scheduler;
  }

  @Override
  public List<Device> all() {
    // One look at the queues for the whole list, not a turn on the scheduler's lock per device.
    Map<String, Integer> queued = scheduler.queuedBySerial();
    List<Device> all = devices.all();
    all.forEach(device -> device.setQueuedExecutions((long) queued.getOrDefault(device.getSerial(), 0)));
    return all;
  }

  /** The devices' version and the queues', read in that order. */
  private record Version(Object devices, long queues) {}

  @Override
  public Optional<Object> version() {
    return devices.version().map(version -> new Version(version, scheduler.queueVersion()));
  }

  @Override
  public Optional<Device> find(String serial) {
    return devices.find(serial).map(this::withQueue);
  }

  @Override
  public void addListener(Consumer<Device> listener) {
    devices.addListener(device -> listener.accept(withQueue(device)));
  }

  // The directory hands out fresh copies, so filling one in changes nobody else's.
  private Device withQueue(Device device) {
    return device.withQueuedExecutions((long) scheduler.queued(device.getSerial()));
  }
}
