package dev.towerline.server.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.protocol.ProtocolJson;
import dev.towerline.spec.ContractDocuments;
import dev.towerline.spec.ContractExample;
import dev.towerline.spec.ContractExamples;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExampleRoundTripTest {
  private static final ObjectMapper MAPPER = ProtocolJson.strictMapper();

  @Test
  void everyOpenApiExampleRoundTripsThroughGeneratedTypes() throws Exception {
    List<ContractExample> examples = ContractExamples.openApi(ContractDocuments.bundled());
    assertThat(examples).extracting(ContractExample::shape).contains("DeviceList", "ErrorEnvelope", "EventList", "Execution");

    for (ContractExample example : examples) {
      Object value = MAPPER.readValue(example.value().toString(), typeOf(example.shape()));
      JsonNode written = MAPPER.readTree(MAPPER.writeValueAsString(value));

      assertThat(written).as(example.location()).isEqualTo(MAPPER.readTree(example.value().toString()));
    }
  }

  @Test
  void sharedShapesAreTheProtocolTypesNotCopies() throws Exception {
    assertThat(DeviceList.class.getMethod("getData").getGenericReturnType().getTypeName())
        .isEqualTo("java.util.List<dev.towerline.protocol.Device>");
    assertThat(ErrorEnvelope.class.getMethod("getError").getReturnType()).isEqualTo(dev.towerline.protocol.ApiError.class);
  }

  /** A REST-only shape is generated here; a shared one is mapped onto the ws-protocol type. */
  private static Class<?> typeOf(String shape) throws ClassNotFoundException {
    try {
      return Class.forName(ExampleRoundTripTest.class.getPackageName() + "." + shape);
    } catch (ClassNotFoundException e) {
      return Class.forName(ProtocolJson.class.getPackageName() + "." + shape);
    }
  }
}
