package dev.towerline.server.adb;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of {@code adb devices -l}: the serial, the state word ADB reports ({@code device},
 * {@code offline}, {@code unauthorized}, {@code recovery}, {@code bootloader}, …) and the {@code
 * key:value} attributes that follow it ({@code usb}, {@code product}, {@code model}, {@code
 * device}, {@code transport_id}); attributes are empty when ADB gave none.
 */
public record AdbDevice(String serial, String state, Map<String, String> attributes) {

  /** The state of a device that is up and authorized. */
  public static final String STATE_DEVICE = "device";

  public AdbDevice {
    Objects.requireNonNull(serial, "serial");
    Objects.requireNonNull(state, "state");
    attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  public AdbDevice(String serial, String state) {
    this(serial, state, Map.of());
  }

  public Optional<String> attribute(String key) {
    return Optional.ofNullable(attributes.get(key));
  }

  /** Whether ADB reports the device up and authorized, so commands can run. */
  public boolean isReady() {
    return STATE_DEVICE.equals(state);
  }
}
