package dev.towerline.server.devices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.protocol.ApiError;
import dev.towerline.protocol.BreakerState;
import dev.towerline.protocol.Device;
import dev.towerline.protocol.DeviceLink;
import dev.towerline.protocol.DeviceState;
import dev.towerline.protocol.ErrorCode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceCopiesTest {

  @Test
  void theFixtureSetsEveryFieldSoAFieldAddedToTheContractIsCopiedOrFailsHere() throws Exception {
    Device device = everyFieldSet();

    assertEveryFieldSet(device);
    assertEveryFieldSet(device.getLink());
    assertEveryFieldSet(device.getLink().getLastError());
    assertEveryFieldSet(DeviceCopies.copyOf(device));
  }

  @Test
  void copyEqualsTheOriginal() {
    Device device = everyFieldSet();

    assertThat(DeviceCopies.copyOf(device)).isEqualTo(device).isNotSameAs(device);
  }

  @Test
  void changingTheCopyLeavesTheOriginalAsItWas() {
    Device device = everyFieldSet();
    Device copy = DeviceCopies.copyOf(device);

    copy.withQueuedExecutions(99L).getLabels().add("scribbled");
    copy.getLink().withConsecutiveFailures(99L);
    copy.getLink().getLastError().withMessage("scribbled").getDetails().put("scribbled", true);

    assertThat(device).isEqualTo(everyFieldSet());
  }

  @Test
  void copiesAnEmptyDevice() {
    assertThat(DeviceCopies.copyOf(new Device())).isEqualTo(new Device());
  }

  private static Device everyFieldSet() {
    OffsetDateTime at = OffsetDateTime.parse("2026-12-07T10:00:00.123Z");
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("serial", "emulator-5554");
    return new Device()
        .withSerial("emulator-5554")
        .withState(DeviceState.BUSY)
        .withModel("Pixel 7")
        .withManufacturer("Google")
        .withAndroidVersion("14")
        .withSdkLevel(34L)
        .withAbi("arm64-v8a")
        .withBatteryLevel(80L)
        .withLabels(new ArrayList<>(List.of("rack-a")))
        .withLastSeenAt(at)
        .withStateChangedAt(at.minusSeconds(5))
        .withLink(
            new DeviceLink()
                .withBreakerState(BreakerState.OPEN)
                .withConsecutiveFailures(3L)
                .withLastFailureAt(at)
                .withRetryAfterSeconds(30L)
                .withLastError(
                    new ApiError().withCode(ErrorCode.ADB_COMMAND_FAILED).withMessage("closed").withDetails(details)))
        .withCurrentExecutionId("ex_1")
        .withQueuedExecutions(2L);
  }

  private static void assertEveryFieldSet(Object value) throws IllegalAccessException {
    for (Field field : value.getClass().getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers())) {
        continue;
      }
      field.setAccessible(true);
      assertThat(field.get(value)).as(value.getClass().getSimpleName() + "." + field.getName()).isNotNull();
    }
  }
}
