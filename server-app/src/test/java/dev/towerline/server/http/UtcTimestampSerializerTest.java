package dev.towerline.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.server.json.JsonMappers;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UtcTimestampSerializerTest {
  private final ObjectMapper shared = JsonMappers.create();
  private final ObjectMapper rest = new ObjectMapperResolver(shared).getContext(Object.class);

  @Test
  void writesWhatTheIsoFormatterWritesForRandomUtcTimestamps() throws Exception {
    SplittableRandom random = new SplittableRandom(14);
    long latest = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    for (int i = 0; i < 20_000; i++) {
      int nano = switch (i % 4) {
        case 0 -> 0;
        case 1 -> random.nextInt(1000) * 1_000_000;
        case 2 -> random.nextInt(1_000_000) * 1000;
        default -> random.nextInt(1_000_000_000);
      };
      OffsetDateTime value = OffsetDateTime.ofInstant(Instant.ofEpochSecond(random.nextLong(0, latest), nano), ZoneOffset.UTC);

      assertThat(rest.writeValueAsString(value)).isEqualTo('"' + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value) + '"');
    }
  }

  @Test
  void writesEdgeCasesAsTheSharedMapperDoes() throws Exception {
    for (String text : new String[] {
        "0000-01-01T00:00:00Z", "1970-01-01T00:00:00.000000001Z", "2026-12-07T10:42:00Z",
        "2026-12-07T10:42:13.1Z", "2026-12-07T10:42:13.801Z", "2026-12-07T10:42:13.123456789Z",
        "9999-12-31T23:59:59.999999999Z", "+10000-01-01T00:00:00Z", "-0001-06-30T12:00:00.5Z",
        "2026-12-07T10:42:13.801+02:00", "2026-12-07T10:42:13-05:30"}) {
      OffsetDateTime value = OffsetDateTime.parse(text);

      assertThat(rest.writeValueAsString(Map.of("at", value))).as(text).isEqualTo(shared.writeValueAsString(Map.of("at", value)));
    }
  }

  @Test
  void keepsTheOffsetOfTimestampsNotInUtc() throws Exception {
    OffsetDateTime value = OffsetDateTime.parse("2026-12-07T10:42:13.801+02:00");

    assertThat(rest.writeValueAsString(value)).isEqualTo("\"2026-12-07T10:42:13.801+02:00\"");
  }
}
