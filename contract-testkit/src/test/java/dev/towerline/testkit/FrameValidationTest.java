package dev.towerline.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FrameValidationTest {

  private static final String DEVICE_UPDATED =
      "{\"type\":\"device.updated\",\"seq\":231,\"ts\":\"2026-11-22T10:15:02Z\",\"device\":"
          + "{\"serial\":\"R58M123ABC\",\"state\":\"%s\",\"labels\":[],\"last_seen_at\":\"2026-11-22T10:15:02Z\","
          + "\"link\":{\"breaker_state\":\"open\",\"consecutive_failures\":3},\"queued_executions\":0}}";
  private static final String EXECUTION_UPDATED =
      "{\"type\":\"execution.updated\",\"seq\":1,\"ts\":\"2026-11-22T10:15:02Z\",\"execution\":{}}";

  private final ContractValidator validator = ContractValidator.forBundledContract();

  @Test
  void acceptsAFrameOfItsChannelByType() {
    assertThatCode(() -> validator.checkFrame("/api/v1/ws/devices", String.format(DEVICE_UPDATED, "online")))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                validator.checkFrame(
                    "ws://127.0.0.1:8080/api/v1/ws/devices?since=3",
                    "{\"type\":\"error\",\"ts\":\"2026-11-22T10:15:02Z\",\"error\":{\"code\":\"NOT_IMPLEMENTED\",\"message\":\"later\"}}"))
        .doesNotThrowAnyException();
  }

  @Test
  void rejectsAFrameBreakingItsPayloadSchemaNamingThePointer() {
    assertThatThrownBy(() -> validator.checkFrame("/api/v1/ws/devices", String.format(DEVICE_UPDATED, "sideways")))
        .isInstanceOf(ContractViolation.class)
        .hasMessageStartingWith(
            "channel devices (/api/v1/ws/devices) sent a device.updated frame that breaks "
                + "schemas/device-updated.json: /device/state: does not have a value in the enumeration");
  }

  @Test
  void rejectsAFrameFromAnotherChannel() {
    assertThatThrownBy(() -> validator.checkFrame("/api/v1/ws/devices", EXECUTION_UPDATED))
        .hasMessageStartingWith(
            "channel devices (/api/v1/ws/devices) sent a execution.updated frame, which is not a "
                + "message of asyncapi.yaml#/channels/devices/messages")
        .hasMessageEndingWith("; it belongs to executions");
  }

  @Test
  void rejectsAnUnknownTypeAndAFrameWithoutType() {
    assertThatThrownBy(() -> validator.checkFrame("/api/v1/ws/dashboard", "{\"type\":\"gossip\"}"))
        .hasMessageEndingWith("; no channel carries it");
    assertThatThrownBy(() -> validator.checkFrame("/api/v1/ws/dashboard", "[1,2]"))
        .hasMessage("channel dashboard (/api/v1/ws/dashboard) sent a frame without a string /type: [1,2]");
    assertThatThrownBy(() -> validator.checkFrame("/api/v1/ws/dashboard", "{\"type\":"))
        .hasMessageStartingWith("channel dashboard (/api/v1/ws/dashboard) sent a frame that is not JSON");
  }

  @Test
  void rejectsAnAddressNoChannelHas() {
    assertThatThrownBy(() -> validator.checkFrame("/api/v1/ws/gadgets", "{\"type\":\"ping\"}"))
        .hasMessageStartingWith("No channel of asyncapi.yaml has the address /api/v1/ws/gadgets (channels: /api/v1/ws/devices");
  }
}
