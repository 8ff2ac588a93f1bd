package dev.towerline.server.devices;

import dev.towerline.protocol.Device;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The lab's devices as Towerline currently knows them. */
public interface DeviceDirectory {
  /** Every device ever seen (offline ones included), as fresh copies. */
  List<Device> all();

  Optional<Device> find(String serial);

  /**
   * First called with every device as it is now, then after any change of a device (state,
   * properties, battery, link health); must not block.
   */
  void addListener(Consumer<Device> listener);
}
