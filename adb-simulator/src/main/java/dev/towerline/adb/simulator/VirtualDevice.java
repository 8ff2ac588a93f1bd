package dev.towerline.adb.simulator;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable description of one simulated Android device: serial, state, system properties,
 * battery level and whether it speaks the shell v2 protocol.
 *
 * <pre>{@code
 * VirtualDevice pixel = VirtualDevice.builder("emulator-5554")
 *     .model("Pixel 7").manufacturer("Google").androidVersion("14").sdk(34)
 *     .batteryLevel(80)
 *     .build();
 * }</pre>
 *
 * <p>Defaults: state {@link DeviceState#DEVICE}, a Pixel 7 on Android 14 (SDK 34, arm64-v8a),
 * battery {@value #DEFAULT_BATTERY_LEVEL_PERCENT}%, shell v2 on. The well-known properties ({@code
 * ro.product.model}, {@code ro.product.manufacturer}, {@code ro.build.version.release}, {@code
 * ro.build.version.sdk}, {@code ro.product.cpu.abi}, {@code ro.product.name}, {@code
 * ro.product.device}, {@code ro.serialno}, {@code ro.build.fingerprint}) are always present;
 * {@link Builder#property} adds or overrides any other. Unless set, the fingerprint is built from
 * the other properties as Android builds it: {@code
 * brand/product/device:release/build-id/incremental:type/tags}.
 */
public final class VirtualDevice {
  /** Battery level of a device whose builder did not set one, in percent. */
  public static final int DEFAULT_BATTERY_LEVEL_PERCENT = 100;

  public static final String MODEL = "ro.product.model";
  public static final String MANUFACTURER = "ro.product.manufacturer";
  public static final String RELEASE = "ro.build.version.release";
  public static final String SDK = "ro.build.version.sdk";
  public static final String ABI = "ro.product.cpu.abi";
  public static final String PRODUCT = "ro.product.name";
  public static final String DEVICE_NAME = "ro.product.device";
  public static final String FINGERPRINT = "ro.build.fingerprint";

  private final String serial;
  private final DeviceState state;
  private final Map<String, String> properties;
  private final int batteryLevel;
  private final boolean shellV2;

  private VirtualDevice(Builder builder) {
    this.serial = builder.serial;
    this.state = builder.state;
    Map<String, String> props = new TreeMap<>(builder.properties);
    props.put("ro.serialno", serial);
    props.putIfAbsent(FINGERPRINT, fingerprintOf(props));
    this.properties = Collections.unmodifiableMap(props);
    this.batteryLevel = builder.batteryLevel;
    this.shellV2 = builder.shellV2;
  }

  /** The fingerprint Android derives from the build properties. */
  private static String fingerprintOf(Map<String, String> props) {
    return props.get("ro.product.brand") + "/" + props.get(PRODUCT) + "/" + props.get(DEVICE_NAME)
        + ":" + props.get(RELEASE) + "/" + props.get("ro.build.id") + "/"
        + props.get("ro.build.version.incremental") + ":" + props.get("ro.build.type") + "/"
        + props.get("ro.build.tags");
  }

  /** A builder for a device with this serial and the defaults described above. */
  public static Builder builder(String serial) {
    return new Builder(serial);
  }

  /** A builder that starts from this device, for making a changed copy. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  public String serial() {
    return serial;
  }

  public DeviceState state() {
    return state;
  }

  /** All system properties, sorted by key, as {@code getprop} prints them. */
  public Map<String, String> properties() {
    return properties;
  }

  public Optional<String> property(String key) {
    return Optional.ofNullable(properties.get(key));
  }

  public String model() {
    return properties.get(MODEL);
  }

  public String manufacturer() {
    return properties.get(MANUFACTURER);
  }

  /** The Android release, e.g. {@code "14"}. */
  public String androidVersion() {
    return properties.get(RELEASE);
  }

  public int sdk() {
    return Integer.parseInt(properties.get(SDK));
  }

  /** Battery level in percent, 0 to 100. */
  public int batteryLevel() {
    return batteryLevel;
  }

  /** Whether the device advertises {@code shell_v2} and accepts {@code shell,v2,...:} requests. */
  public boolean shellV2() {
    return shellV2;
  }

  /** A copy in another state. */
  public VirtualDevice withState(DeviceState newState) {
    return toBuilder().state(newState).build();
  }

  /** A copy with another battery level. */
  public VirtualDevice withBatteryLevel(int percent) {
    return toBuilder().batteryLevel(percent).build();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof VirtualDevice)) {
      return false;
    }
    VirtualDevice other = (VirtualDevice) o;
    return serial.equals(other.serial)
        && state == other.state
        && properties.equals(other.properties)
        && batteryLevel == other.batteryLevel
        && shellV2 == other.shellV2;
  }

  @Override
  public int hashCode() {
    return Objects.hash(serial, state, properties, batteryLevel, shellV2);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "VirtualDevice{%s %s, %s %s, Android %s, battery %d%%%s}",
        serial,
        state.wireName(),
        manufacturer(),
        model(),
        androidVersion(),
        batteryLevel,
        shellV2 ? ", shell_v2" : "");
  }

  /** Builds a {@link VirtualDevice}; every setter validates its argument. */
  public static final class Builder {
    private final String serial;
    private DeviceState state = DeviceState.DEVICE;
    private final Map<String, String> properties = new TreeMap<>();
    private int batteryLevel = DEFAULT_BATTERY_LEVEL_PERCENT;
    private boolean shellV2 = true;

    private Builder(String serial) {
      Objects.requireNonNull(serial, "serial");
      if (serial.isBlank() || serial.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
        throw new IllegalArgumentException(
            "serial must be non-blank printable ASCII without spaces: '" + serial + "'");
      }
      this.serial = serial;
      properties.put(MODEL, "Pixel 7");
      properties.put(MANUFACTURER, "Google");
      properties.put(RELEASE, "14");
      properties.put(SDK, "34");
      properties.put(ABI, "arm64-v8a");
      properties.put(PRODUCT, "panther");
      properties.put(DEVICE_NAME, "panther");
      properties.put("ro.product.brand", "google");
      properties.put("ro.build.type", "user");
      properties.put("ro.build.tags", "release-keys");
      properties.put("ro.build.id", "UQ1A.240205.004");
      properties.put("ro.build.version.incremental", "11269751");
    }

    private Builder(VirtualDevice device) {
      this.serial = device.serial;
      this.state = device.state;
      this.properties.putAll(device.properties);
      // A derived fingerprint follows the copy's properties; only a set one is kept.
      if (device.properties.get(FINGERPRINT).equals(fingerprintOf(device.properties))) {
        this.properties.remove(FINGERPRINT);
      }
      this.batteryLevel = device.batteryLevel;
      this.shellV2 = device.shellV2;
    }

    public Builder state(DeviceState state) {
      this.state = Objects.requireNonNull(state, "state");
      return this;
    }

    public Builder model(String model) {
      return property(MODEL, model);
    }

    public Builder manufacturer(String manufacturer) {
      property(MANUFACTURER, manufacturer);
      return property("ro.product.brand", manufacturer.toLowerCase(Locale.ROOT));
    }

    /** The Android release string, e.g. {@code "13"} or {@code "8.1.0"}. */
    public Builder androidVersion(String release) {
      return property(RELEASE, release);
    }

    /** The API level, 1 or more. */
    public Builder sdk(int apiLevel) {
      if (apiLevel < 1) {
        throw new IllegalArgumentException("sdk must be at least 1: " + apiLevel);
      }
      return property(SDK, Integer.toString(apiLevel));
    }

    public Builder abi(String abi) {
      return property(ABI, abi);
    }

    /** The product name ({@code ro.product.name}) shown as {@code product:} by devices -l. */
    public Builder product(String product) {
      return property(PRODUCT, product);
    }

    /** The device code name ({@code ro.product.device}) shown as {@code device:} by devices -l. */
    public Builder deviceName(String deviceName) {
      return property(DEVICE_NAME, deviceName);
    }

    /** Sets any system property; {@code ro.serialno} always follows the serial. */
    public Builder property(String key, String value) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      if (key.isBlank() || key.indexOf(']') >= 0 || key.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("property key must be a non-blank word: '" + key + "'");
      }
      if (key.equals(SDK) && !value.matches("[1-9][0-9]{0,3}")) {
        throw new IllegalArgumentException(SDK + " must be a positive API level: '" + value + "'");
      }
      properties.put(key, value);
      return this;
    }

    /** Battery level in percent, 0 to 100. */
    public Builder batteryLevel(int percent) {
      if (percent < 0 || percent > 100) {
        throw new IllegalArgumentException("batteryLevel must be 0..100 percent: " + percent);
      }
      this.batteryLevel = percent;
      return this;
    }

    /** Whether the device speaks shell v2 (Android 7+); default true. */
    public Builder shellV2(boolean shellV2) {
      this.shellV2 = shellV2;
      return this;
    }

    public VirtualDevice build() {
      return new VirtualDevice(this);
    }
  }
}
