package dev.towerline.server.adb.internal;

import dev.towerline.server.adb.AdbDevice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses the device list of {@code host:devices}, {@code host:devices-l} and the track-devices
 * pushes: {@code serial\tstate} or {@code serial   state usb:1-1 product:x model:y device:z
 * transport_id:3}. The state may be several words ("no permissions (…)"): everything between the
 * serial and the first {@code key:value}.
 */
public final class DeviceListParser {

  private static final Pattern ATTRIBUTE = Pattern.compile("[a-z_]+:\\S*");

  private DeviceListParser() {}

  public static List<AdbDevice> parse(String text) {
    List<AdbDevice> devices = new ArrayList<>();
    for (String line : text.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      String[] words = trimmed.split("\\s+");
      StringBuilder state = new StringBuilder();
      Map<String, String> attributes = new LinkedHashMap<>();
      for (int i = 1; i < words.length; i++) {
        if (ATTRIBUTE.matcher(words[i]).matches() && state.length() > 0) {
          int colon = words[i].indexOf(':');
          attributes.put(words[i].substring(0, colon), words[i].substring(colon + 1));
        } else if (attributes.isEmpty()) {
          state.append(state.length() == 0 ? "" : " ").append(words[i]);
        }
      }
      devices.add(new AdbDevice(words[0], state.length() == 0 ? "unknown" : state.toString(),
          attributes));
    }
    return devices;
  }
}
