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
import org.junit.jupiter.api.Test;

class TrackedDeviceTest {
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

  private static TrackedDevice seenAt(String lastSeen, String stateChanged) {
    return TrackedDevice.first("emulator-5554", "device", List.of("rack-a"), Instant.parse(stateChanged))
        .seen(Instant.parse(lastSeen));
  }
}
