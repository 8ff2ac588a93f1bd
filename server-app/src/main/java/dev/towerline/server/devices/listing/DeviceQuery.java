package dev.towerline.server.devices.listing;

import dev.towerline.protocol.Device;
import dev.towerline.protocol.DeviceState;
import java.util.Locale;
import java.util.Objects;

/** The filters of {@code listDevices}, combined with AND; null means "no filter". */
public record DeviceQuery(DeviceState state, String model, String label, String q, DeviceSort sort) {

  public DeviceQuery {
    sort = sort == null ? DeviceSort.DEFAULT : sort;
  }

  public boolean matches(Device device) {
    return (state == null || state == device.getState())
        && (model == null || model.equalsIgnoreCase(device.getModel()))
        && (label == null || (device.getLabels() != null && device.getLabels().contains(label)))
        && (q == null || matchesText(device));
  }

  private boolean matchesText(Device device) {
    String needle = q.toLowerCase(Locale.ROOT);
    return contains(device.getSerial(), needle)
        || contains(device.getModel(), needle)
        || contains(device.getManufacturer(), needle);
  }

  private static boolean contains(String field, String lowerNeedle) {
    return field != null && field.toLowerCase(Locale.ROOT).contains(lowerNeedle);
  }

  /** Identifies filters and sort, so a page token is only honoured for the listing it came from. */
  public String fingerprint() {
    return String.join(
        "\u0000",
        "devices",
        Objects.toString(state, ""),
        Objects.toString(model, "").toLowerCase(Locale.ROOT),
        Objects.toString(label, ""),
        Objects.toString(q, "").toLowerCase(Locale.ROOT),
        sort.wireName());
  }
}
