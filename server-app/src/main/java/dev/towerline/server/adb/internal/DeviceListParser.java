package dev.towerline.server.adb.internal;

import dev.towerline.server.adb.AdbDevice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the device list of {@code host:devices}, {@code host:devices-l} and the track-devices
 * pushes: {@code serial\tstate} or {@code serial   state usb:1-1 product:x model:y device:z
 * transport_id:3}. The state may be several words ("no permissions (…)"): everything between the
 * serial and the first {@code key:value}.
 */
public final class DeviceListParser {

  private DeviceListParser() {}

  public static List<AdbDevice> parse(String text) {
    List<AdbDevice> devices = new ArrayList<>();
    for (String line : text.split("\n")) {
      String trimmed = line.strip();
      if (!trimmed.isEmpty()) {
        devices.add(parseLine(trimmed));
      }
    }
    return devices;
  }

  // Hand-scanned, no regex: tracking parses the whole list again at every change of any device.
  private static AdbDevice parseLine(String line) {
    List<String> words = words(line);
    StringBuilder state = new StringBuilder();
    Map<String, String> attributes = new LinkedHashMap<>();
    for (String word : words.subList(1, words.size())) {
      int colon = attributeColon(word);
      if (colon > 0 && state.length() > 0) {
        attributes.put(word.substring(0, colon), word.substring(colon + 1));
      } else if (attributes.isEmpty()) {
        state.append(state.length() == 0 ? "" : " ").append(word);
      }
    }
    return new AdbDevice(words.get(0), state.length() == 0 ? "unknown" : state.toString(), attributes);
  }

  /** The words of {@code line}, split at runs of the whitespace regex {@code \s} means. */
  private static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= line.length(); i++) {
      boolean space = i == line.length() || isRegexSpace(line.charAt(i));
      if (space && start >= 0) {
        words.add(line.substring(start, i));
        start = -1;
      } else if (!space && start < 0) {
        start = i;
      }
    }
    return words;
  }

  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  /** Where the colon of a {@code key:value} word is ({@code key} is {@code [a-z_]+}), or -1. */
  private static int attributeColon(String word) {
    int i = 0;
    while (i < word.length() && (word.charAt(i) == '_' || (word.charAt(i) >= 'a' && word.charAt(i) <= 'z'))) {
      i++;
    }
    return i > 0 && i < word.length() && word.charAt(i) == ':' ? i : -1;
  }
}
