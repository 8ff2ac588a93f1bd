package dev.towerline.adb.simulator.internal;

import dev.towerline.adb.simulator.DeviceState;
import dev.towerline.adb.simulator.VirtualDevice;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The text of {@code host:devices} and {@code host:devices-l}, byte for byte like adb 29. */
final class DeviceListing {
  private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Za-z0-9]");

  private DeviceListing() {}

  static String format(List<AttachedDevice> devices, boolean longFormat) {
    StringBuilder text = new StringBuilder();
    for (AttachedDevice attached : devices) {
      if (longFormat) {
        appendLong(text, attached);
      } else {
        text.append(attached.serial()).append('\t').append(attached.device().state().wireName());
      }
      text.append('\n');
    }
    return text.toString();
  }

  private static void appendLong(StringBuilder text, AttachedDevice attached) {
    VirtualDevice device = attached.device();
    text.append(String.format(Locale.ROOT, "%-22s %s", device.serial(), device.state().wireName()));
    if (!attached.isLocal()) {
      text.append(" usb:1-").append(attached.transportId());
    }
    // The server learns product, model and device from the device's banner, which only a
    // device that is up and authorized sends.
    if (device.state() == DeviceState.DEVICE || device.state() == DeviceState.RECOVERY) {
      text.append(" product:").append(product(device));
      text.append(" model:").append(model(device));
      text.append(" device:").append(deviceName(device));
    }
    // adb puts the id last so parsers can find it scanning back from the newline.
    text.append(" transport_id:").append(attached.transportId());
  }

  static String product(VirtualDevice device) {
    return device.property(VirtualDevice.PRODUCT).orElse("");
  }

  /** adb replaces every non-alphanumeric character of the model with '_': "Pixel 7" is Pixel_7. */
  static String model(VirtualDevice device) {
    return NOT_ALPHANUMERIC.matcher(device.model()).replaceAll("_");
  }

  static String deviceName(VirtualDevice device) {
    return device.property(VirtualDevice.DEVICE_NAME).orElse("");
  }
}
