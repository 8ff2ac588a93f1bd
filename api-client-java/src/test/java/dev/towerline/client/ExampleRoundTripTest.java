package dev.towerline.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.client.generated.ApiClient;
import dev.towerline.client.generated.model.DeviceList;
import dev.towerline.protocol.ProtocolJson;
import dev.towerline.spec.ContractDocuments;
import dev.towerline.spec.ContractExample;
import dev.towerline.spec.ContractExamples;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExampleRoundTripTest {
  /** The mapper the generated client really uses, made strict so a missing field fails. */
  private static final ObjectMapper MAPPER =
      ApiClient.createDefaultObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  @Test
  void everyOpenApiExampleRoundTripsThroughClientTypes() throws Exception {
    List<ContractExample> examples = ContractExamples.openApi(ContractDocuments.bundled());
    assertThat(examples).extracting(ContractExample::shape).contains("DeviceList", "ErrorEnvelope", "EventList", "Execution");

    for (ContractExample example : examples) {
      Object value = MAPPER.readValue(example.value().toString(), typeOf(example.shape()));
      JsonNode written = MAPPER.readTree(MAPPER.writeValueAsString(value));

      assertThat(written).as(example.location()).isEqualTo(MAPPER.readTree(example.value().toString()));
    }
  }

  @Test
  void clientListsUseTheSharedProtocolTypes() throws Exception {
    assertThat(DeviceList.class.getMethod("getData").getGenericReturnType().getTypeName())
        .isEqualTo("java.util.List<dev.towerline.protocol.Device>");
  }

  private static Class<?> typeOf(String shape) throws ClassNotFoundException {
    try {
      return Class.forName(DeviceList.class.getPackageName() + "." + shape);
    } catch (ClassNotFoundException e) {
      return Class.forName(ProtocolJson.class.getPackageName() + "." + shape);
    }
  }
}
