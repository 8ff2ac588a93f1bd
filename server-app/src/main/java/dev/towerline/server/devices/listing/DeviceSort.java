package dev.towerline.server.devices.listing;

import dev.towerline.protocol.Device;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.error.ApiException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The sort orders of {@code listDevices}; a leading {@code -} descends; ties go by serial. */
public enum DeviceSort {
  SERIAL("serial", Comparator.comparing(Device::getSerial)),
  SERIAL_DESC("-serial", SERIAL.order.reversed()),
  MODEL("model", by(Device::getModel)),
  MODEL_DESC("-model", by(Device::getModel).reversed()),
  STATE("state", by(d -> d.getState().value())),
  STATE_DESC("-state", by((Device d) -> d.getState().value()).reversed()),
  LAST_SEEN_AT("last_seen_at", Comparator.comparing(Device::getLastSeenAt, Comparator.nullsFirst(Comparator.<OffsetDateTime>naturalOrder()))),
  LAST_SEEN_AT_DESC("-last_seen_at", LAST_SEEN_AT.order.reversed());

  public static final DeviceSort DEFAULT = SERIAL;

  private final String wireName;
  private final Comparator<Device> order;

  DeviceSort(String wireName, Comparator<Device> order) {
    this.wireName = wireName;
    this.order = order;
  }

  public String wireName() {
    return wireName;
  }

  /** The full order: this key, then serial ascending so pages are deterministic. */
  public Comparator<Device> comparator() {
    return this == SERIAL || this == SERIAL_DESC ? order : order.thenComparing(Device::getSerial);
  }

  public static DeviceSort fromWireName(String value) {
    if (value == null) {
      return DEFAULT;
    }
    return Arrays.stream(values())
        .filter(s -> s.wireName.equals(value))
        .findFirst()
        .orElseThrow(
            () -> {
              String allowed = Arrays.stream(values()).map(DeviceSort::wireName).collect(Collectors.joining(", "));
              return new ApiException(
                  ErrorCode.INVALID_PARAMETER,
                  "sort must be one of " + allowed,
                  Map.of("parameter", "sort", "value", value, "reason", "must be one of " + allowed));
            });
  }

  private static Comparator<Device> by(Function<Device, String> key) {
    return Comparator.comparing(key, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER));
  }
}
