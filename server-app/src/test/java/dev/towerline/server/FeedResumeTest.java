package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.server.testing.Executions;
import dev.towerline.server.testing.FeedRecorder;
import dev.towerline.server.testing.Feeds;
import dev.towerline.server.testing.RunningServer;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Live events on the executions feed, and resuming with {@code since}. */
class FeedResumeTest {

  @RegisterExtension static final RunningServer server = new RunningServer();

  private static final Feeds feeds = server.feedClients();
  private static final Executions executions = new Executions(server);


  private static long snapshotSeq(FeedRecorder recorder) {
    return Feeds.parse(recorder.awaitText(text -> Feeds.type(text).equals("snapshot"))).path("seq").asLong();
  }

  /** Reads frames until the execution's final {@code execution.updated}; returns every event frame seen. */
  private static List<JsonNode> eventsUntilFinished(FeedRecorder recorder, String id) {
    List<JsonNode> seen = new ArrayList<>();
    while (true) {
      JsonNode frame = Feeds.parse(recorder.assertNextText());
      if (frame.has("seq") && !frame.path("type").asText().equals("snapshot")) {
        seen.add(frame);
      }
      if (frame.path("type").asText().equals("execution.updated")
          && frame.path("execution").path("id").asText().equals(id)
          && frame.path("execution").path("status").asText().equals("succeeded")) {
        return seen;
      }
    }
  }

  @Test
  void createdExecutionArrivesAsLiveEventsWithConsecutiveSeqs() throws Exception {
    FeedRecorder recorder = feeds.connect("executions");
    long start = snapshotSeq(recorder);

    String id = executions.create(server.serial(0), "echo hello", 30).path("id").asText();
    List<JsonNode> events = eventsUntilFinished(recorder, id);

    assertThat(events).extracting(e -> e.path("type").asText()).contains("execution.updated", "execution.output");
    assertThat(events.get(0).path("seq").asLong()).isEqualTo(start + 1);
    for (int i = 1; i < events.size(); i++) {
      assertThat(events.get(i).path("seq").asLong()).isEqualTo(events.get(i - 1).path("seq").asLong() + 1);
    }
    assertThat(events)
        .filteredOn(e -> e.path("type").asText().equals("execution.output"))
        .extracting(e -> e.path("data").asText())
        .containsExactly("hello\n");
    recorder.close();
  }

  @Test
  void theFeedShowsAnExecutionWithTheSameTimestampsAsARead() throws Exception {
    FeedRecorder recorder = feeds.connect("executions");
    snapshotSeq(recorder);

    String id = executions.create(server.serial(0), "echo same", 30).path("id").asText();
    List<JsonNode> events = eventsUntilFinished(recorder, id);
    JsonNode onTheFeed = events.get(events.size() - 1).path("execution");
    JsonNode read = executions.get(id);

    for (String field : List.of("created_at", "started_at", "finished_at")) {
      assertThat(OffsetDateTime.parse(onTheFeed.path(field).asText()).toInstant())
          .as("%s: feed %s, REST %s", field, onTheFeed.path(field), read.path(field))
          .isEqualTo(OffsetDateTime.parse(read.path(field).asText()).toInstant());
    }
    recorder.close();
  }

  @Test
  void resumesWithNoGapAndNoDuplicate() throws Exception {
    FeedRecorder first = feeds.connect("executions");
    long lastSeen = snapshotSeq(first);
    String before = executions.create(server.serial(1), "echo one", 30).path("id").asText();
    List<JsonNode> seenBefore = eventsUntilFinished(first, before);
    lastSeen = seenBefore.get(seenBefore.size() - 1).path("seq").asLong();
    first.close();

    // Missed while disconnected.
    String missed = executions.create(server.serial(1), "echo two", 30).path("id").asText();
    executions.awaitFinished(missed);

    FeedRecorder resumed = feeds.connect("executions?since=" + lastSeen);
    assertThat(Feeds.type(resumed.assertNextText())).isEqualTo("connection_ack");
    String live = executions.create(server.serial(1), "echo three", 30).path("id").asText();
    List<JsonNode> after = eventsUntilFinished(resumed, live);

    assertThat(after).noneMatch(e -> e.path("type").asText().equals("snapshot"));
    List<Long> seqs = after.stream().map(e -> e.path("seq").asLong()).toList();
    assertThat(seqs.get(0)).isEqualTo(lastSeen + 1);
    for (int i = 1; i < seqs.size(); i++) {
      assertThat(seqs.get(i)).as("seq after %s", seqs.get(i - 1)).isEqualTo(seqs.get(i - 1) + 1);
    }
    assertThat(after)
        .filteredOn(e -> e.path("type").asText().equals("execution.output"))
        .extracting(e -> e.path("data").asText())
        .containsExactly("two\n", "three\n");
    resumed.close();
  }

  @Test
  void sinceAheadOfTheLogGetsResyncRequiredThenSnapshot() throws Exception {
    FeedRecorder recorder = feeds.connect("executions?since=999999");

    assertThat(Feeds.type(recorder.assertNextText())).isEqualTo("connection_ack");
    JsonNode resync = Feeds.parse(recorder.assertNextText());
    assertThat(resync.path("type").asText()).isEqualTo("resync_required");
    assertThat(resync.path("reason").asText()).isEqualTo("ahead_of_log");
    assertThat(resync.path("requested_since").asLong()).isEqualTo(999999);
    JsonNode snapshot = Feeds.parse(recorder.assertNextText());
    assertThat(snapshot.path("type").asText()).isEqualTo("snapshot");
    assertThat(snapshot.path("seq").asLong()).isEqualTo(resync.path("latest_seq").asLong());
    recorder.close();
  }

  @Test
  void executionFilterDeliversOnlyTheChosenExecution() throws Exception {
    String other = executions.create(server.serial(2), "echo other", 30).path("id").asText();
    executions.awaitFinished(other);
    String chosen = executions.create(server.serial(3), "sleep 1; echo chosen", 30).path("id").asText();
    FeedRecorder recorder = feeds.connect("executions?execution_id=" + chosen);
    String noise = executions.create(server.serial(2), "echo noise", 30).path("id").asText();

    List<JsonNode> events = eventsUntilFinished(recorder, chosen);
    executions.awaitFinished(noise);

    assertThat(events)
        .allMatch(e -> chosen.equals(e.path("execution").path("id").asText(e.path("execution_id").asText())));
    recorder.close();
  }
}
