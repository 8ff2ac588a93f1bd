package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.adb.MutableClock;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.Executions;
import dev.towerline.server.testing.FeedRecorder;
import dev.towerline.server.testing.Feeds;
import dev.towerline.server.testing.RunningServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Retention by age, on a clock the test moves: events older than the configured age leave the log
 * (newer ones stay), and a cursor before them gets a resync on both transports.
 */
class FeedRetentionByAgeTest {

  private static final Duration RETENTION_AGE = Duration.ofHours(1);
  private static final MutableClock clock = MutableClock.atTheEpochOfTheTests();

  @RegisterExtension
  static final RunningServer server =
      new RunningServer().clock(clock).feeds(f -> f.retentionAge(RETENTION_AGE).purgeInterval(Duration.ofMillis(100)));

  private static final Feeds feeds = server.feedClients();
  private static final Executions executions = new Executions(server);

  @Test
  void eventsOlderThanTheRetentionAgeArePurgedAndACursorBeforeThemMustResync() throws Exception {
    String serial = server.serial(0);
    String old = executions.create(serial, "echo old", 30).path("id").asText();
    executions.awaitFinished(old);
    // The log is written by the feed's publisher after REST can already show the end.
    await("the old execution's last event in the log").atMost(Duration.ofSeconds(10)).until(() -> loggedSucceeded(old));
    long lastOld = metadata().path("latest_seq").asLong();
    assertThat(lastOld).as("an execution's events: created, running, output, succeeded").isGreaterThan(2);

    clock.advance(RETENTION_AGE.plusMinutes(1));
    executions.awaitFinished(executions.create(serial, "echo new", 30).path("id").asText());

    await("the events before the clock moved purged")
        .atMost(Duration.ofSeconds(10))
        .until(() -> metadata().path("oldest_seq").asLong() == lastOld + 1);
    long cursor = lastOld - 1; // The client has not seen the last old event, which is gone.

    FeedRecorder recorder = feeds.connect("executions?since=" + cursor);
    assertThat(Feeds.type(recorder.assertNextText())).isEqualTo("connection_ack");
    JsonNode resync = Feeds.parse(recorder.assertNextText());
    assertThat(resync.path("type").asText()).isEqualTo("resync_required");
    assertThat(resync.path("reason").asText()).isEqualTo("too_old");
    assertThat(resync.path("requested_since").asLong()).isEqualTo(cursor);
    assertThat(resync.path("oldest_seq").asLong()).isEqualTo(lastOld + 1);
    assertThat(Feeds.type(recorder.assertNextText())).isEqualTo("snapshot");
    recorder.close();

    HttpResponse<String> gone = server.get("/api/v1/events?feed=executions&since=" + cursor);
    JsonNode error = Envelopes.assertEnvelope(gone, 410, ErrorCode.RESYNC_REQUIRED);
    assertThat(error.path("details").path("reason").asText()).isEqualTo("too_old");

    JsonNode kept = Envelopes.parse(server.get("/api/v1/events?feed=executions&since=" + lastOld).body());
    assertThat(kept.path("data").get(0).path("seq").asLong()).isEqualTo(lastOld + 1);
    assertThat(kept.path("data").findValuesAsText("data")).as("output events within the age").containsExactly("new\n");
  }

  private static boolean loggedSucceeded(String executionId) {
    for (JsonNode event : Envelopes.parse(server.get("/api/v1/events?feed=executions&page_size=200").body()).path("data")) {
      if (executionId.equals(event.path("execution").path("id").asText())
          && "succeeded".equals(event.path("execution").path("status").asText())) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode metadata() {
    return Envelopes.parse(server.get("/api/v1/events?feed=executions").body()).path("metadata");
  }
}
