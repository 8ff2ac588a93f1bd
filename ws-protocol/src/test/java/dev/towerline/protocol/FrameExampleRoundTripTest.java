package dev.towerline.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.spec.ContractDocuments;
import dev.towerline.spec.ContractExample;
import dev.towerline.spec.ContractExamples;
import dev.towerline.testkit.ExampleRoundTrips;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameExampleRoundTripTest {
  private static final ObjectMapper MAPPER = ProtocolJson.strictMapper();
  private final ContractDocuments contract = ContractDocuments.bundled();

  @Test
  void everyAsyncApiExampleRoundTripsThroughFrameTypes() {
    List<ContractExample> examples = ContractExamples.asyncApi(contract);
    assertThat(examples).hasSizeGreaterThanOrEqualTo(contract.asyncApi().at("/components/messages").size());

    ExampleRoundTrips.assertRoundTrip(examples, MAPPER, ProtocolJson.class.getPackageName());
  }

  @Test
  void everyFrameIsReadIntoItsOwnTypeByItsTypeField() throws Exception {
    for (ContractExample example : ContractExamples.asyncApi(contract)) {
      Frame frame = MAPPER.treeToValue(example.value(), Frame.class);

      assertThat(frame.getClass().getSimpleName()).as(example.location()).isEqualTo(example.shape());
    }
  }

  @Test
  void everySharedSchemaFileHasAGeneratedType() {
    for (String file : contract.referencedSchemaFiles()) {
      String title = contract.read(file).path("title").asText();

      assertThat(classExists(ProtocolJson.class.getPackageName() + "." + title)).as(file + " -> " + title).isTrue();
    }
  }

  @Test
  void eventFramesAreFeedEventsAndCarrySeq() throws Exception {
    ContractExample deviceUpdated =
        ContractExamples.asyncApi(contract).stream()
            .filter(e -> e.shape().equals("DeviceUpdated"))
            .findFirst()
            .orElseThrow();

    FeedEvent event = MAPPER.treeToValue(deviceUpdated.value(), FeedEvent.class);

    assertThat(event).isInstanceOf(DeviceUpdated.class);
    assertThat(event.getSeq()).isEqualTo(deviceUpdated.value().get("seq").asLong());
    assertThat(event.getTs()).isNotNull();
  }

  @Test
  void newFrameCarriesItsTypeWithoutBeingToldIt() {
    JsonNode written = MAPPER.valueToTree(new Ping().withNonce("n-1"));

    assertThat(written.get("type").asText()).isEqualTo("ping");
  }

  private static boolean classExists(String name) {
    try {
      Class.forName(name);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
