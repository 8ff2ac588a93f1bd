package dev.towerline.server.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.Executions;
import dev.towerline.server.testing.RunningServer;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * AC-1030: every device command a newcomer copies from the served contract or the guides runs on
 * a demo device through the real server: it succeeds and prints something.
 */
class NewcomerExamplesTest {
  private static final Path GUIDES = Path.of("..", "docs", "guides");

  @RegisterExtension static final RunningServer server = new RunningServer();

  private static final Executions executions = new Executions(server);

  @Test
  void everyExampleCommandOfTheContractAndTheGuidesSucceedsOnADemoDeviceWithOutput() {
    Set<String> fromContract = DeviceCommandExamples.fromContract(server.get("/api/v1/openapi.yaml").body());
    Set<String> fromGuides = DeviceCommandExamples.fromGuides(GUIDES);
    assertThat(fromContract).as("execution examples in openapi.yaml").isNotEmpty();
    assertThat(fromGuides).as("device commands in the guides' code blocks").isNotEmpty();
    Set<String> commands = new LinkedHashSet<>(fromContract);
    commands.addAll(fromGuides);
    String serial = onlineDemoDevice();

    SoftAssertions softly = new SoftAssertions();
    for (String command : commands) {
      String id = executions.create(serial, command, 60).path("id").asText();
      JsonNode done = executions.awaitFinished(id);
      String output = executions.fullOutput(id);
      softly.assertThat(done.path("status").asText()).as("status of '%s' (output: %s)", command, output)
          .isEqualTo("succeeded");
      softly.assertThat(done.path("exit_code").asInt(-1)).as("exit code of '%s'", command).isZero();
      softly.assertThat(output).as("output of '%s'", command).isNotBlank();
    }
    softly.assertAll();
  }

  private static String onlineDemoDevice() {
    JsonNode devices = Envelopes.parse(server.get("/api/v1/devices?state=online&page_size=1").body()).path("data");
    return StreamSupport.stream(devices.spliterator(), false).findFirst().orElseThrow()
        .path("serial").asText();
  }
}
