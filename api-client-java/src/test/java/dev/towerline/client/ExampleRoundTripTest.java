package dev.towerline.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import dev.towerline.client.generated.ApiClient;
import dev.towerline.client.generated.model.DeviceList;
import dev.towerline.protocol.ProtocolJson;
import dev.towerline.spec.ContractDocuments;
import dev.towerline.spec.ContractExample;
import dev.towerline.spec.ContractExamples;
import dev.towerline.testkit.ExampleRoundTrips;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExampleRoundTripTest {

  @Test
  void everyOpenApiExampleRoundTripsThroughClientTypes() {
    List<ContractExample> examples = ContractExamples.openApi(ContractDocuments.bundled());
    assertThat(examples).extracting(ContractExample::shape).contains("DeviceList", "ErrorEnvelope", "EventList", "Execution");

    // The mapper the generated client really uses, made strict so a missing field fails.
    ExampleRoundTrips.assertRoundTrip(
        examples,
        ApiClient.createDefaultObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES),
        DeviceList.class.getPackageName(),
        ProtocolJson.class.getPackageName());
  }

  @Test
  void clientListsUseTheSharedProtocolTypes() throws Exception {
    assertThat(DeviceList.class.getMethod("getData").getGenericReturnType().getTypeName())
        .isEqualTo("java.util.List<dev.towerline.protocol.Device>");
  }
}
