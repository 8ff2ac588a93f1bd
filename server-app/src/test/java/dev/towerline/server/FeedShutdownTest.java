package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.server.testing.Executions;
import dev.towerline.server.testing.FeedRecorder;
import dev.towerline.server.testing.Feeds;
import dev.towerline.server.testing.RunningServer;
import jakarta.websocket.CloseReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A stop closes feed clients with 1012; after the restart they resume and seqs continue. */
class FeedShutdownTest {

  @RegisterExtension static final RunningServer server = new RunningServer();

  private static final Feeds feeds = server.feedClients();
  private static final Executions executions = new Executions(server);

  @Test
  void stopClosesClientsWith1012AndRestartResumesWithoutMissedEvents() throws Exception {
    String serial = server.adb().devices().get(0).serial();
    FeedRecorder recorder = feeds.connect("executions");
    recorder.awaitText(text -> Feeds.type(text).equals("snapshot"));
    String id = executions.create(serial, "echo before", 30).path("id").asText();
    long lastSeen =
        Feeds.parse(recorder.awaitText(text -> text.contains("\"succeeded\"") && text.contains(id))).path("seq").asLong();

    server.restart(() -> {});

    CloseReason close = recorder.awaitClose();
    assertThat(close.getCloseCode().getCode()).isEqualTo(1012);
    String after = executions.create(serial, "echo after", 30).path("id").asText();
    FeedRecorder resumed = feeds.connect("executions?since=" + lastSeen);
    assertThat(Feeds.type(resumed.assertNextText())).isEqualTo("connection_ack");
    JsonNode first = Feeds.parse(resumed.assertNextText());
    assertThat(first.path("type").asText()).isEqualTo("execution.updated");
    assertThat(first.path("seq").asLong()).isEqualTo(lastSeen + 1);
    assertThat(first.path("execution").path("id").asText()).isEqualTo(after);
    resumed.close();
  }
}
