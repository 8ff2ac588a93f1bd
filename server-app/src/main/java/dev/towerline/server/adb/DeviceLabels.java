package dev.towerline.server.adb;

import static dev.towerline.server.adb.AdbConfig.DEVICE_LABELS_VARIABLE;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Operator labels by serial ({@code DEVICE_LABELS}): parsed, checked and kept unmodifiable. */
final class DeviceLabels {

  private static final Pattern SERIAL = Pattern.compile("[\\x21-\\x7e]+");

  private DeviceLabels() {}

  /** Parses {@code serial=label,label;serial=label}. */
  static Map<String, List<String>> parse(String value) {
    Map<String, List<String>> labels = new LinkedHashMap<>();
    for (String entry : value.split(";")) {
      if (entry.isBlank()) {
        continue;
      }
      int equals = entry.indexOf('=');
      String serial = equals < 0 ? "" : entry.substring(0, equals).trim();
      if (!SERIAL.matcher(serial).matches()) {
        throw new IllegalArgumentException(DEVICE_LABELS_VARIABLE
            + " entries must be serial=label[,label...]: '" + entry.trim() + "'");
      }
      List<String> list = labels.computeIfAbsent(serial, s -> new ArrayList<>());
      for (String label : entry.substring(equals + 1).split(",")) {
        if (!label.isBlank() && !list.contains(label.trim())) {
          list.add(label.trim());
        }
      }
    }
    return labels;
  }

  /** Refuses serials that are not printable and labels that are blank. */
  static void check(Map<String, List<String>> labels) {
    labels.forEach((serial, list) -> {
      if (serial == null || !SERIAL.matcher(serial).matches() || list == null
          || list.stream().anyMatch(l -> l == null || l.isBlank())) {
        throw new IllegalArgumentException(DEVICE_LABELS_VARIABLE
            + " needs printable serials and non-blank labels: " + serial + "=" + list);
      }
    });
  }

  /** An unmodifiable copy, without the serials that have no labels. */
  static Map<String, List<String>> copyOf(Map<String, List<String>> labels) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    labels.forEach((serial, list) -> {
      if (!list.isEmpty()) {
        copy.put(serial, List.copyOf(list));
      }
    });
    return Collections.unmodifiableMap(copy);
  }
}
