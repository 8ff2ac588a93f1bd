package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.towerline.server.store.DatabaseConfig;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.Executions;
import dev.towerline.server.testing.FeedRecorder;
import dev.towerline.server.testing.Feeds;
import dev.towerline.server.testing.RunningServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An event whose text has no UTF-8 form (a lone UTF-16 surrogate) cannot stop a feed (issue 9,
 * item 1). It is injected below the REST door, as rows an older server wrote: an execution row
 * and a feed_events row. A snapshot, a live subscriber and a replay from seq 0 all carry it, as
 * the JSON escape {@code \ud800}, and go on with the events after it.
 */
class FeedPoisonedEventTest {

  /** A command no UTF-8 encoder can write as it is. */
  private static final String POISON = "echo \ud800poison";

  private static final String DATABASE = "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1";

  @RegisterExtension
  static final RunningServer server = new RunningServer().database(() -> DatabaseConfig.custom().url(DATABASE).build());

  private static final Feeds feeds = server.feedClients();
  private static final Executions executions = new Executions(server);

  @Test
  void snapshotLiveAndReplayCarryAnUnencodableExecutionAndGoOn() throws Exception {
    FeedRecorder live = connectedWithSnapshot("executions");
    String poisoned = insertQueuedExecution(POISON);

    FeedRecorder fresh = feeds.connect("executions");
    assertThat(Feeds.type(fresh.assertNextText())).isEqualTo("connection_ack");
    JsonNode snapshot = Feeds.parse(fresh.assertNextText());
    assertThat(snapshot.path("type").asText()).isEqualTo("snapshot");
    assertThat(commandOf(snapshot.path("executions"), poisoned)).isEqualTo(POISON);

    // Cancelling it publishes it live; the REST answer is not what this test is about.
    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
        .send(
            HttpRequest.newBuilder(server.uri("/api/v1/executions/" + poisoned + "/cancel")).timeout(RunningServer.TIMEOUT)
                .POST(HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.discarding());
    String after = executions.create(server.serial(0), "echo after", 30).path("id").asText();

    for (FeedRecorder subscriber : new FeedRecorder[] {live, fresh}) {
      JsonNode cancelled = Feeds.parse(subscriber.awaitText(text -> isUpdateOf(text, poisoned)));
      assertThat(cancelled.path("execution").path("command").asText()).isEqualTo(POISON);
      assertThat(cancelled.path("execution").path("status").asText()).isEqualTo("cancelled");
      subscriber.awaitText(text -> isUpdateOf(text, after) && text.contains("\"succeeded\""));
    }

    FeedRecorder replay = feeds.connect("executions?since=0");
    assertThat(Feeds.type(replay.assertNextText())).isEqualTo("connection_ack");
    JsonNode replayed = Feeds.parse(replay.awaitText(text -> isUpdateOf(text, poisoned)));
    assertThat(replayed.path("execution").path("command").asText()).isEqualTo(POISON);
    replay.awaitText(text -> isUpdateOf(text, after) && text.contains("\"succeeded\""));
    String next = executions.create(server.serial(0), "echo next", 30).path("id").asText();
    replay.awaitText(text -> isUpdateOf(text, next));
    live.awaitText(text -> isUpdateOf(text, next));
    for (FeedRecorder subscriber : new FeedRecorder[] {live, fresh, replay}) {
      subscriber.close();
    }
  }

  @Test
  void replayPassesRowsAnOlderServerStoredUnescapedOrUnreadable() throws Exception {
    FeedRecorder watcher = connectedWithSnapshot("executions");
    String before = executions.create(server.serial(1), "echo before", 30).path("id").asText();
    long lastSeq =
        Feeds.parse(watcher.awaitText(text -> isUpdateOf(text, before) && text.contains("\"succeeded\""))).path("seq").asLong();
    watcher.close();
    long[] poisonedSeq = new long[1];

    server.restart(() -> poisonedSeq[0] = appendRowsAsAnOlderServer(lastSeq, before));

    String after = executions.create(server.serial(1), "echo after restart", 30).path("id").asText();
    FeedRecorder replay = feeds.connect("executions?since=" + (poisonedSeq[0] - 1));
    assertThat(Feeds.type(replay.assertNextText())).isEqualTo("connection_ack");
    JsonNode poisoned = Feeds.parse(replay.assertNextText());
    assertThat(poisoned.path("seq").asLong()).isEqualTo(poisonedSeq[0]);
    assertThat(poisoned.path("execution").path("command").asText()).isEqualTo(POISON);
    JsonNode next = Feeds.parse(replay.assertNextText());
    assertThat(next.path("seq").asLong()).as("the unreadable row is skipped").isEqualTo(poisonedSeq[0] + 2);
    assertThat(next.path("execution").path("id").asText()).isEqualTo(after);
    replay.close();

    HttpResponse<String> page = server.get("/api/v1/events?feed=executions&since=" + (poisonedSeq[0] - 1));
    assertThat(page.statusCode()).as("the event log over REST, %s", page.body()).isEqualTo(200);
    assertThat(Feeds.parse(page.body()).path("data").get(0).path("execution").path("command").asText()).isEqualTo(POISON);
  }

  private static FeedRecorder connectedWithSnapshot(String feedAndQuery) {
    FeedRecorder recorder = feeds.connect(feedAndQuery);
    assertThat(Feeds.type(recorder.assertNextText())).isEqualTo("connection_ack");
    assertThat(Feeds.type(recorder.assertNextText())).isEqualTo("snapshot");
    return recorder;
  }

  private static boolean isUpdateOf(String text, String executionId) {
    JsonNode frame = Feeds.parse(text);
    return frame.path("type").asText().equals("execution.updated") && frame.path("execution").path("id").asText().equals(executionId);
  }

  private static String commandOf(JsonNode executionList, String id) {
    for (JsonNode execution : executionList) {
      if (execution.path("id").asText().equals(id)) {
        return execution.path("command").asText();
      }
    }
    throw new AssertionError("no execution " + id + " in " + executionList);
  }

  /** A queued execution as an older server, which took any text, stored it. */
  private static String insertQueuedExecution(String command) throws SQLException {
    String id = "ex_poisoned" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection db = DriverManager.getConnection(DATABASE);
        PreparedStatement insert =
            db.prepareStatement(
                "INSERT INTO executions (id, device_serial, command, timeout_seconds, status, created_at) VALUES (?, ?, ?, 30, 'queued', ?)")) {
      insert.setString(1, id);
      insert.setString(2, server.serial(0));
      insert.setString(3, command);
      insert.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
      insert.executeUpdate();
    }
    return id;
  }

  /**
   * Appends two events after {@code lastSeq} as an older server would have: the update of
   * {@code executionId} with its command made unencodable, stored as it is, then a row that is not
   * a frame at all. Returns the seq of the first.
   */
  private static long appendRowsAsAnOlderServer(long lastSeq, String executionId) {
    try (Connection db = DriverManager.getConnection(DATABASE)) {
      long latest;
      String template;
      try (PreparedStatement select =
              db.prepareStatement("SELECT seq, payload FROM feed_events WHERE feed = 'executions' AND seq = ?")) {
        select.setLong(1, lastSeq);
        try (ResultSet row = select.executeQuery()) {
          assertThat(row.next()).as("seq %s stored", lastSeq).isTrue();
          template = row.getString(2);
        }
      }
      try (PreparedStatement max = db.prepareStatement("SELECT MAX(seq) FROM feed_events WHERE feed = 'executions'");
          ResultSet row = max.executeQuery()) {
        row.next();
        latest = row.getLong(1);
      }
      ObjectNode poisoned = (ObjectNode) Envelopes.parse(template).deepCopy();
      poisoned.put("seq", latest + 1);
      ((ObjectNode) poisoned.path("execution")).put("command", POISON);
      String raw = server.json().writeValueAsString(poisoned);
      assertThat(raw).as("stored unescaped").contains(POISON);
      insertEvent(db, latest + 1, raw);
      insertEvent(db, latest + 2, "{\"type\":\"execution.updated\",\"seq\":");
      return latest + 1;
    } catch (SQLException | java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void insertEvent(Connection db, long seq, String payload) throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement("INSERT INTO feed_events (feed, seq, created_at, payload) VALUES ('executions', ?, ?, ?)")) {
      insert.setLong(1, seq);
      insert.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
      insert.setString(3, payload);
      insert.executeUpdate();
    }
  }
}
