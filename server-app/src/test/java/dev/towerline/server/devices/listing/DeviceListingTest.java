package dev.towerline.server.devices.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.towerline.protocol.Device;
import dev.towerline.protocol.DeviceState;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.error.ApiException;
import dev.towerline.server.listing.Page;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceListingTest {
  private final SettableClock clock = new SettableClock();
  private final InMemoryDirectory directory = new InMemoryDirectory();
  private final DeviceListing listing = new DeviceListing(directory, clock);

  @Test
  void walksEveryDeviceExactlyOnceWhileTheirSortKeysChange() {
    for (int i = 0; i < 120; i++) {
      directory.add(String.format("dev-%03d", i), "Pixel 7", DeviceState.ONLINE, i);
    }
    DeviceQuery newestFirst = new DeviceQuery(null, null, null, null, DeviceSort.LAST_SEEN_AT_DESC);

    List<String> seen = new ArrayList<>();
    Page<Device> page = listing.list(newestFirst, 50, null);
    int round = 0;
    while (true) {
      page.items().forEach(d -> seen.add(d.getSerial()));
      // Between pages every device is seen again, which reverses the order they sort in, and one joins.
      int r = ++round;
      for (int i = 0; i < 120; i++) {
        int second = 1000 * r - i;
        directory.update(String.format("dev-%03d", i), d -> d.withLastSeenAt(InMemoryDirectory.T0.plusSeconds(second)));
      }
      directory.add("late-" + r, "Pixel 8", DeviceState.ONLINE, 100_000);
      if (page.nextPageToken().isEmpty()) {
        break;
      }
      page = listing.list(newestFirst, 50, page.nextPageToken().get());
    }

    assertThat(seen).hasSize(120).doesNotHaveDuplicates().allMatch(s -> s.startsWith("dev-"));
    assertThat(round).isEqualTo(3);
  }

  @Test
  void filtersCombineWithAndAndSortTiesGoBySerial() {
    directory
        .add("b-2", "Pixel 7", DeviceState.ONLINE, 5, "rack-a")
        .add("a-1", "pixel 7", DeviceState.ONLINE, 5, "rack-a")
        .add("c-3", "Pixel 7", DeviceState.OFFLINE, 5, "rack-a")
        .add("d-4", "SM-G991B", DeviceState.ONLINE, 5, "rack-a")
        .add("e-5", "Pixel 7", DeviceState.ONLINE, 5, "rack-b");

    Page<Device> page =
        listing.list(new DeviceQuery(DeviceState.ONLINE, "PIXEL 7", "rack-a", null, DeviceSort.LAST_SEEN_AT), 10, null);

    assertThat(page.items()).extracting(Device::getSerial).containsExactly("a-1", "b-2");
    assertThat(page.nextPageToken()).isEmpty();
  }

  @Test
  void freeTextMatchesSerialModelAndManufacturer() {
    directory.add("emulator-5554", "sdk_gphone64", DeviceState.ONLINE, 1).add("R58M", "SM-G991B", DeviceState.ONLINE, 2);

    assertThat(listing.list(new DeviceQuery(null, null, null, "EMUL", null), 10, null).items())
        .extracting(Device::getSerial)
        .containsExactly("emulator-5554");
    assertThat(listing.list(new DeviceQuery(null, null, null, "g991", null), 10, null).items())
        .extracting(Device::getSerial)
        .containsExactly("R58M");
    assertThat(listing.list(new DeviceQuery(null, null, null, "google", null), 10, null).items()).hasSize(2);
  }

  @Test
  void refusesGarbledPageToken() {
    directory.add("a", "m", DeviceState.ONLINE, 1);

    for (String garbled : List.of("not-a-token", "%%%", "czE6OjE", "czE6YWJjOi0x", "YWJj")) {
      assertThatThrownBy(() -> listing.list(query(), 10, garbled))
          .as(garbled)
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PAGE_TOKEN));
    }
  }

  @Test
  void refusesTokenUsedWithOtherFilters() {
    twoPagesOfDevices();
    String token = listing.list(query(), 1, null).nextPageToken().orElseThrow();

    assertThatThrownBy(() -> listing.list(new DeviceQuery(DeviceState.ONLINE, null, null, null, null), 1, token))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PAGE_TOKEN))
        .hasMessageContaining("other filters");
  }

  @Test
  void refusesTokenAfterItsSnapshotExpired() {
    twoPagesOfDevices();
    String token = listing.list(query(), 1, null).nextPageToken().orElseThrow();
    clock.advance(Duration.ofMinutes(11));

    assertThatThrownBy(() -> listing.list(query(), 1, token))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PAGE_TOKEN))
        .hasMessageContaining("expired");
  }

  @Test
  void unknownSortIsAnInvalidParameter() {
    assertThatThrownBy(() -> DeviceSort.fromWireName("battery"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.details()).containsEntry("parameter", "sort"));
  }

  private void twoPagesOfDevices() {
    directory.add("a", "m", DeviceState.ONLINE, 1).add("b", "m", DeviceState.OFFLINE, 2);
  }

  private static DeviceQuery query() {
    return new DeviceQuery(null, null, null, null, null);
  }

  /** A clock tests move by hand. */
  static final class SettableClock extends Clock {
    private Instant now = Instant.parse("2026-11-22T10:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

}
