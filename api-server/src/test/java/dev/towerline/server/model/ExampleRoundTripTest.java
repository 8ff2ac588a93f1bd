package dev.towerline.server.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.protocol.ProtocolJson;
import dev.towerline.spec.ContractDocuments;
import dev.towerline.spec.ContractExample;
import dev.towerline.spec.ContractExamples;
import dev.towerline.testkit.ExampleRoundTrips;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExampleRoundTripTest {

  @Test
  void everyOpenApiExampleRoundTripsThroughGeneratedTypes() {
    List<ContractExample> examples = ContractExamples.openApi(ContractDocuments.bundled());
    assertThat(examples).extracting(ContractExample::shape).contains("DeviceList", "ErrorEnvelope", "EventList", "Execution");

    // REST-only shapes are generated here; shared ones are mapped onto the ws-protocol types.
    ExampleRoundTrips.assertRoundTrip(
        examples, ProtocolJson.strictMapper(), DeviceList.class.getPackageName(), ProtocolJson.class.getPackageName());
  }

  @Test
  void sharedShapesAreTheProtocolTypesNotCopies() throws Exception {
    assertThat(DeviceList.class.getMethod("getData").getGenericReturnType().getTypeName())
        .isEqualTo("java.util.List<dev.towerline.protocol.Device>");
    assertThat(ErrorEnvelope.class.getMethod("getError").getReturnType()).isEqualTo(dev.towerline.protocol.ApiError.class);
  }
}
