package dev.towerline.server.devices.listing;

import dev.towerline.protocol.BreakerState;
import dev.towerline.protocol.Device;
import dev.towerline.protocol.DeviceLink;
import dev.towerline.protocol.DeviceState;
import dev.towerline.server.devices.DeviceDirectory;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** The directory side of the listing, held in memory so tests can change devices between pages. */
final class InMemoryDirectory implements DeviceDirectory {
  static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 22, 10, 0, 0, 0, ZoneOffset.UTC);
  private final Map<String, Device> devices = new ConcurrentHashMap<>();

  InMemoryDirectory add(String serial, String model, DeviceState state, int lastSeenSecond, String... labels) {
    devices.put(
        serial,
        new Device()
            .withSerial(serial)
            .withModel(model)
            .withManufacturer("Google")
            .withState(state)
            .withLabels(List.of(labels))
            .withLastSeenAt(T0.plusSeconds(lastSeenSecond))
            .withLink(new DeviceLink().withBreakerState(BreakerState.CLOSED).withConsecutiveFailures(0L)));
    return this;
  }

  void update(String serial, UnaryOperator<Device> change) {
    devices.computeIfPresent(serial, (s, d) -> change.apply(d));
  }

  @Override
  public List<Device> all() {
    return new ArrayList<>(devices.values());
  }

  @Override
  public Optional<Device> find(String serial) {
    return Optional.ofNullable(devices.get(serial));
  }

  @Override
  public void addListener(Consumer<Device> listener) {}
}
