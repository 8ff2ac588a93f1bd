package dev.towerline.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import org.junit.jupiter.api.Test;

/** error-code.json is x-extensible-enum: a code newer than these types must not make a frame unreadable. */
class ExtensibleErrorCodeTest {
  private static final String NEWER_CODE =
      "{\"code\":\"LAB_ON_FIRE\",\"message\":\"The rack is on fire\",\"details\":{\"rack\":\"a\"}}";

  @Test
  void theLenientMapperReadsAnUnknownErrorCodeAsNullAndKeepsTheMessage() throws Exception {
    ApiError error = ProtocolJson.lenientMapper().readValue(NEWER_CODE, ApiError.class);

    assertThat(error.getCode()).isNull();
    assertThat(error.getMessage()).isEqualTo("The rack is on fire");
  }

  @Test
  void knownCodesAreReadAsBefore() throws Exception {
    ApiError error =
        ProtocolJson.lenientMapper().readValue("{\"code\":\"DEVICE_NOT_FOUND\",\"message\":\"gone\"}", ApiError.class);

    assertThat(error.getCode()).isEqualTo(ErrorCode.DEVICE_NOT_FOUND);
  }

  @Test
  void otherEnumsStayStrictBecauseAddingToThemIsABreakingChange() {
    assertThatThrownBy(() -> ProtocolJson.lenientMapper().readValue("\"exploded\"", ExecutionStatus.class))
        .isInstanceOf(JsonMappingException.class);
  }
}
