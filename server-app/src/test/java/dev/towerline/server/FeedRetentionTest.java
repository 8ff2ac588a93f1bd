package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.Executions;
import dev.towerline.server.testing.FeedRecorder;
import dev.towerline.server.testing.Feeds;
import dev.towerline.server.testing.RunningServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Retention by count: a cursor older than the retained log gets a resync on both transports. */
class FeedRetentionTest {

  @RegisterExtension
  static final RunningServer server =
      new RunningServer().feeds(f -> f.retentionEvents(2).purgeInterval(Duration.ofMillis(100)));

  private static final Feeds feeds = server.feedClients();
  private static final Executions executions = new Executions(server);

  @Test
  void sinceOlderThanTheRetainedLogGetsResyncRequiredThenSnapshot() throws Exception {
    String serial = server.adb().devices().get(0).serial();
    for (int i = 0; i < 3; i++) {
      executions.awaitFinished(executions.create(serial, "echo " + i, 30).path("id").asText());
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> metadata().path("oldest_seq").asLong() > 3);

    FeedRecorder recorder = feeds.connect("executions?since=1");

    assertThat(Feeds.type(recorder.assertNextText())).isEqualTo("connection_ack");
    JsonNode resync = Feeds.parse(recorder.assertNextText());
    assertThat(resync.path("type").asText()).isEqualTo("resync_required");
    assertThat(resync.path("reason").asText()).isEqualTo("too_old");
    assertThat(resync.path("oldest_seq").asLong()).isGreaterThan(2);
    assertThat(Feeds.type(recorder.assertNextText())).isEqualTo("snapshot");
    recorder.close();

    HttpResponse<String> response = server.get("/api/v1/events?feed=executions&since=1");
    assertThat(response.statusCode()).isEqualTo(410);
    assertThat(Envelopes.parse(response.body()).path("error").path("details").path("reason").asText()).isEqualTo("too_old");
  }

  private static JsonNode metadata() {
    return Envelopes.parse(server.get("/api/v1/events?feed=executions").body()).path("metadata");
  }
}
