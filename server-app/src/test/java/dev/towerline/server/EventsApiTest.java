package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.Executions;
import dev.towerline.server.testing.FeedRecorder;
import dev.towerline.server.testing.Feeds;
import dev.towerline.server.testing.RunningServer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /api/v1/events}: the HTTP fallback of the feeds, one cursor with the WebSocket. */
class EventsApiTest {

  @RegisterExtension static final RunningServer server = new RunningServer();

  private static final Feeds feeds = server.feedClients();
  private static final Executions executions = new Executions(server);


  @Test
  void httpFallbackReturnsSameEventsAndSeqs() throws Exception {
    FeedRecorder recorder = feeds.connect("executions");
    long start = Feeds.parse(recorder.awaitText(text -> Feeds.type(text).equals("snapshot"))).path("seq").asLong();
    String id = executions.create(server.serial(0), "echo fallback", 30).path("id").asText();
    List<JsonNode> overWebSocket = new ArrayList<>();
    while (true) {
      JsonNode frame = Feeds.parse(recorder.assertNextText());
      if (frame.has("seq")) {
        overWebSocket.add(frame);
      }
      if (frame.path("execution").path("status").asText().equals("succeeded")) {
        break;
      }
    }

    HttpResponse<String> response = server.get("/api/v1/events?feed=executions&since=" + start);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = Envelopes.parse(response.body());
    assertThat(body.path("data")).hasSize(overWebSocket.size());
    for (int i = 0; i < overWebSocket.size(); i++) {
      assertThat(body.path("data").get(i)).isEqualTo(overWebSocket.get(i));
    }
    assertThat(body.path("metadata").path("latest_seq").asLong())
        .isEqualTo(overWebSocket.get(overWebSocket.size() - 1).path("seq").asLong());
    assertThat(body.path("metadata").path("feed").asText()).isEqualTo("executions");
    recorder.close();
  }

  @Test
  void pagesFollowThePageTokenWithoutGaps() {
    String id = executions.create(server.serial(1), "echo paged", 30).path("id").asText();
    executions.awaitFinished(id);
    JsonNode all = Envelopes.parse(server.get("/api/v1/events?feed=executions&since=0&page_size=500").body());
    long latest = all.path("metadata").path("latest_seq").asLong();

    List<Long> seqs = new ArrayList<>();
    String query = "/api/v1/events?feed=executions&since=0&page_size=2";
    while (true) {
      JsonNode page = Envelopes.parse(server.get(query).body());
      page.path("data").forEach(e -> seqs.add(e.path("seq").asLong()));
      if (!page.path("metadata").has("next_page_token")) {
        break;
      }
      query = "/api/v1/events?feed=executions&page_size=2&page_token=" + page.path("metadata").path("next_page_token").asText();
    }
    assertThat(seqs).hasSize(all.path("data").size());
    assertThat(seqs.get(seqs.size() - 1)).isEqualTo(latest);
    for (int i = 1; i < seqs.size(); i++) {
      assertThat(seqs.get(i)).isEqualTo(seqs.get(i - 1) + 1);
    }
  }

  @Test
  void sinceAheadOfTheLogIs410ResyncRequired() {
    HttpResponse<String> response = server.get("/api/v1/events?feed=devices&since=999999");

    assertThat(response.statusCode()).isEqualTo(410);
    JsonNode error = Envelopes.parse(response.body()).path("error");
    assertThat(error.path("code").asText()).isEqualTo("RESYNC_REQUIRED");
    assertThat(error.path("details").path("reason").asText()).isEqualTo("ahead_of_log");
    assertThat(error.path("details").path("requested_since").asLong()).isEqualTo(999999);
    assertThat(error.path("details").path("feed").asText()).isEqualTo("devices");
  }

  @Test
  void missingOrUnknownFeedIs400() {
    assertThat(server.get("/api/v1/events").statusCode()).isEqualTo(400);
    assertThat(server.get("/api/v1/events?feed=nonsense").statusCode()).isEqualTo(400);
  }
}
