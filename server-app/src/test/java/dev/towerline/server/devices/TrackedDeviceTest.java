package dev.towerline.server.devices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.protocol.Device;
import dev.towerline.server.adb.LinkHealth;
import dev.towerline.server.json.JsonMappers;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrackedDeviceTest {
  private static final Instant T0 = Instant.parse("2026-12-07T07:00:00Z");
  private static final LinkHealth CLOSED = new LinkHealth(LinkHealth.State.CLOSED, 0, null, null, null);

  @Test
  void timestampsAreUtcToTheMillisecondInTheContractsFormat() throws Exception {
    Device device = seenAt("2026-12-07T07:08:34.296789123Z", "2026-12-07T07:08:34Z").toDevice(CLOSED);

    assertThat(device.getLastSeenAt()).isEqualTo(OffsetDateTime.parse("2026-12-07T07:08:34.296Z"));
    assertThat(device.getLastSeenAt().getOffset()).isEqualTo(ZoneOffset.UTC);
    String json = JsonMappers.create().writeValueAsString(device);
    assertThat(json)
        .contains("\"last_seen_at\":\"2026-12-07T07:08:34.296Z\"")
        .contains("\"state_changed_at\":\"2026-12-07T07:08:34Z\"");
  }

  @Test
  void timestampsMatchTheInstantTruncatedToMillisecondsBeforeAndAfterTheEpoch() {
    for (String at : List.of("1969-12-31T23:59:59.999999Z", "1970-01-01T00:00:00.000500Z", "2026-02-28T23:59:59.100Z")) {
      Instant instant = Instant.parse(at);

      OffsetDateTime shown = seenAt(at, at).toDevice(CLOSED).getLastSeenAt();

      assertThat(shown).isEqualTo(OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC));
    }
  }

  @Test
  void readingUnchangedPropertiesAgainAfterComingBackOnlineIsNoVisibleChange() {
    TrackedDevice online = withProperties(TrackedDevice.first("emulator-5554", "device", List.of(), T0), "14");
    TrackedDevice back = online.listed("offline", T0.plusSeconds(1)).listed("device", T0.plusSeconds(2));
    assertThat(back.propertiesLoaded()).isFalse();

    TrackedDevice reread = withProperties(back, "14");

    assertThat(reread.visiblyDiffersFrom(back)).isFalse();
    assertThat(reread.toDevice(CLOSED)).isEqualTo(back.toDevice(CLOSED));
  }

  @Test
  void propertiesThatChangedWhileTheDeviceWasAwayAreAVisibleChange() {
    TrackedDevice back = withProperties(TrackedDevice.first("emulator-5554", "device", List.of(), T0), "14")
        .listed("offline", T0.plusSeconds(1)).listed("device", T0.plusSeconds(2));

    assertThat(withProperties(back, "15").visiblyDiffersFrom(back)).isTrue();
  }

  @Test
  void anotherAdbWordForTheSameContractStateIsNoVisibleChange() {
    TrackedDevice unauthorized = TrackedDevice.first("emulator-5554", "unauthorized", List.of(), T0);

    TrackedDevice authorizing = unauthorized.listed("authorizing", T0.plusSeconds(1));

    assertThat(authorizing.visiblyDiffersFrom(unauthorized)).isFalse();
    assertThat(authorizing.listed("device", T0.plusSeconds(2)).visiblyDiffersFrom(authorizing)).isTrue();
  }

  @Test
  void unpluggingADeviceThatIsOfflineAlreadyIsNoVisibleChange() {
    TrackedDevice offline = TrackedDevice.first("emulator-5554", "offline", List.of(), T0);

    assertThat(offline.unlisted(T0.plusSeconds(1)).visiblyDiffersFrom(offline)).isFalse();
  }

  private static TrackedDevice withProperties(TrackedDevice device, String androidVersion) {
    return device.withProperties(Map.of(TrackedDevice.MODEL, "Pixel 8", TrackedDevice.RELEASE, androidVersion));
  }

  private static TrackedDevice seenAt(String lastSeen, String stateChanged) {
    return TrackedDevice.first("emulator-5554", "device", List.of("rack-a"), Instant.parse(stateChanged))
        .seen(Instant.parse(lastSeen));
  }
}
