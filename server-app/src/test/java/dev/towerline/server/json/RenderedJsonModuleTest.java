package dev.towerline.server.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.protocol.BreakerState;
import dev.towerline.protocol.Device;
import dev.towerline.protocol.DeviceLink;
import dev.towerline.protocol.DeviceState;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RenderedJsonModuleTest {
  private final ObjectMapper plain = JsonMappers.create();
  private final ObjectMapper rendered =
      JsonMappers.create().registerModule(new RenderedJsonModule<>(Device.class, Device::getSerial));

  @Test
  void writesExactlyTheBytesThePlainMapperWrites() throws Exception {
    List<Device> devices = List.of(device("a", 40), device("b", 41).withCurrentExecutionId("exe_1"));

    for (int pass = 0; pass < 3; pass++) {
      assertThat(rendered.writeValueAsString(devices)).isEqualTo(plain.writeValueAsString(devices));
      assertThat(rendered.writeValueAsString(Map.of("data", devices)))
          .isEqualTo(plain.writeValueAsString(Map.of("data", devices)));
    }
  }

  @Test
  void aChangedDeviceIsWrittenAsItIsNowNotAsLastRendered() throws Exception {
    rendered.writeValueAsString(device("a", 40));

    String afterChange = rendered.writeValueAsString(device("a", 40).withState(DeviceState.OFFLINE).withQueuedExecutions(3L));

    assertThat(afterChange)
        .isEqualTo(plain.writeValueAsString(device("a", 40).withState(DeviceState.OFFLINE).withQueuedExecutions(3L)))
        .contains("\"state\":\"offline\"")
        .contains("\"queued_executions\":3");
    assertThat(rendered.writeValueAsString(device("a", 40))).isEqualTo(plain.writeValueAsString(device("a", 40)));
  }

  @Test
  void timestampsKeepTheirFractionDigitsAsGiven() throws Exception {
    Device device = device("a", 40).withStateChangedAt(OffsetDateTime.parse("2026-12-07T07:08:34Z"));

    String json = rendered.writeValueAsString(device);

    assertThat(json).contains("\"last_seen_at\":\"2026-12-07T07:08:34.12Z\"");
    assertThat(json).contains("\"state_changed_at\":\"2026-12-07T07:08:34Z\"");
  }

  @Test
  void treesAndConversionsGetTheFieldsNotRawText() {
    rendered.valueToTree(device("a", 40)); // rendered once before

    JsonNode tree = rendered.valueToTree(device("a", 40));

    assertThat(tree.path("serial").asText()).isEqualTo("a");
    assertThat(tree.path("link").path("breaker_state").asText()).isEqualTo("closed");
    assertThat(rendered.convertValue(device("a", 40), Device.class)).isEqualTo(device("a", 40));
  }

  private static Device device(String serial, int battery) {
    return new Device()
        .withSerial(serial)
        .withState(DeviceState.ONLINE)
        .withModel("Pixel 8")
        .withManufacturer("Google")
        .withSdkLevel(34L)
        .withBatteryLevel((long) battery)
        .withLabels(List.of("rack-a", "phone"))
        .withLastSeenAt(OffsetDateTime.parse("2026-12-07T07:08:34.120Z"))
        .withStateChangedAt(OffsetDateTime.parse("2026-12-07T07:08:34.296Z"))
        .withLink(new DeviceLink().withBreakerState(BreakerState.CLOSED).withConsecutiveFailures(0L))
        .withQueuedExecutions(0L);
  }
}
