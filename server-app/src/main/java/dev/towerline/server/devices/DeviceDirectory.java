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
   * What {@link #all} answers now, as a value that equals an earlier one only if {@link #all} has
   * answered the same since (fresh copies aside); empty while its answer can change without a new
   * version (an open breaker counts its {@code retry_after_seconds} down). Read it before {@link
   * #all}: the devices then are at least as new as the version.
   */
  default Optional<Object> version() {
    return Optional.empty();
  }

  /**
   * First called with every device as it is now, then after any change of a device (state,
   * properties, battery, link health); must not block.
   */
  void addListener(Consumer<Device> listener);
}
