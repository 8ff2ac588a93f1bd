package dev.towerline.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.towerline.protocol.ExecutionOutputChunk;
import dev.towerline.protocol.ExecutionUpdated;
import dev.towerline.protocol.Feed;
import dev.towerline.protocol.FeedEvent;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventsAndDocumentsTest {

  private static final String EVENTS =
      "{\"data\":[{\"type\":\"execution.updated\",\"seq\":1042,\"ts\":\"2026-11-22T10:15:02Z\",\"execution\":"
          + Fixtures.EXECUTION + "},{\"type\":\"execution.output\",\"seq\":1043,\"ts\":\"2026-11-22T10:15:03Z\","
          + "\"execution_id\":\"ex_01JD4Z8Q2M7W\",\"device_serial\":\"emulator-5554\",\"offset\":0,\"data\":\"x\\n\"}],"
          + "\"metadata\":{\"page_size\":2,\"feed\":\"executions\",\"oldest_seq\":1,\"latest_seq\":1043},"
          + "\"timestamp\":\"2026-11-22T10:15:30Z\"}";

  private final FaultServer server;
  private final TowerlineClient client;

  EventsAndDocumentsTest() throws IOException {
    server = new FaultServer();
    client = TowerlineClient.builder().baseUrl(server.baseUrl()).retryPolicy(RetryPolicy.none()).build();
  }

  @AfterEach
  void tearDown() {
    client.close();
    server.close();
    assertThat(server.contractProblems()).isEmpty();
  }

  @Test
  void listsAFeedsEventsAsTypedFramesInSeqOrder() {
    server.enqueue(FaultServer.json(200, EVENTS));

    Page<FeedEvent> page = client.listEvents(Feed.EXECUTIONS, 1041, null);

    assertThat(page.items()).extracting(FeedEvent::getSeq).containsExactly(1042L, 1043L);
    assertThat(page.items().get(0)).isInstanceOf(ExecutionUpdated.class);
    assertThat(page.items().get(1)).isInstanceOf(ExecutionOutputChunk.class);
    assertThat(server.requests().get(0).target()).isEqualTo("/api/v1/events?feed=executions&since=1041");
  }

  @Test
  void aCursorOutsideTheLogIsAConflictAskingForResync() {
    server.enqueue(FaultServer.envelope(410, "RESYNC_REQUIRED", "since is ahead of the log", "{}"));

    ConflictException e = catchThrowableOfType(ConflictException.class, () -> client.listEvents(Feed.DEVICES, 99, null));

    assertThat(e.errorCode()).contains("RESYNC_REQUIRED");
  }

  @Test
  void readsTheContractDocumentsAsText() {
    String yaml = "openapi: 3.0.3\ninfo:\n  title: Towerline\n";
    server.enqueue(new FaultServer.Respond(200, Map.of("Content-Type", "application/yaml", "X-Request-Id", "r"), yaml));

    assertThat(client.openApiDocument()).isEqualTo(yaml);
    assertThat(server.requests().get(0).header("accept")).isEqualTo("application/yaml");
  }
}
