package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.adb.simulator.AdbSimulator;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.Executions;
import dev.towerline.server.testing.JdkFeedClient;
import dev.towerline.server.testing.PostgresSchemas;
import dev.towerline.server.testing.ServerProcess;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Must-be-true 0: a server process killed with SIGKILL right after acknowledged writes loses none
 * of them — on the default embedded H2 store (a {@code DATA_DIR}, as the README runs it) and on
 * PostgreSQL. Whatever a client was told (a 201, an execution's output, a feed event with its seq)
 * is there after a restart on the same store, seqs continue after the highest one ever sent, and
 * a client resuming with {@code since} gets the events it missed.
 */
class CrashRecoveryTest {
  private static final int FEED_CLIENTS = 5;
  private static final int CREATED_BEFORE_KILL = 5;
  private static final String FEED = "/api/v1/ws/executions";

  private static final PostgresSchemas schema = PostgresSchemas.create();
  private static AdbSimulator adb;

  @BeforeAll
  static void startAdb() throws IOException {
    adb = AdbSimulator.demo(4).start();
  }

  @AfterAll
  static void stopAdbAndDropSchema() {
    adb.close();
    schema.close();
  }

  static Stream<Named<Store>> stores() {
    return Stream.of(
        Named.of("embedded H2 in DATA_DIR", dataDir -> Map.of("DATA_DIR", dataDir.toString())),
        Named.of("PostgreSQL", dataDir -> Map.of("DATABASE_URL", schema.config().url(), "DATABASE_USER", PostgresSchemas.USER)));
  }

  /** The environment that puts a server on one store. */
  interface Store {
    Map<String, String> environment(Path dataDir);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void acknowledgedExecutionsOutputAndEventsSurviveAKill(Store store, @TempDir Path dataDir) throws Exception {
    Map<String, String> environment = environment(store, dataDir);
    String serial = adb.devices().get(0).serial();
    List<String> acknowledged = new ArrayList<>();
    List<JdkFeedClient> clients = new ArrayList<>();
    try (ServerProcess first = ServerProcess.start(environment)) {
      first.awaitReady();
      for (int i = 0; i < FEED_CLIENTS; i++) {
        JdkFeedClient client = JdkFeedClient.connect(first.webSocketUri(FEED));
        client.awaitFrame(frame -> frame.path("type").asText().equals("snapshot"));
        clients.add(client);
      }
      String echoed = created(first.send("POST", "/api/v1/executions", Executions.body(serial, "echo acknowledged", 30)));
      acknowledged.add(echoed);
      for (JdkFeedClient client : clients) {
        client.awaitFrame(frame -> isUpdateOf(frame, echoed, "succeeded"));
      }
      await().atMost(Executions.WAIT).until(() -> outputOf(first, echoed).equals("acknowledged\n"));

      for (int i = 0; i < CREATED_BEFORE_KILL; i++) {
        acknowledged.add(created(first.send("POST", "/api/v1/executions", Executions.body(serial, "sleep 30", 60))));
      }
      first.kill();
    }
    clients.forEach(JdkFeedClient::awaitEnded);

    try (ServerProcess second = ServerProcess.start(environment)) {
      second.awaitReady();
      for (String id : acknowledged) {
        assertThat(second.send("GET", "/api/v1/executions/" + id, null).statusCode())
            .as("execution %s was answered 201 before the kill", id)
            .isEqualTo(200);
      }
      assertThat(outputOf(second, acknowledged.get(0))).isEqualTo("acknowledged\n");

      Map<Long, JsonNode> log = eventLog(second);
      long highestSent = 0;
      for (JdkFeedClient client : clients) {
        for (JsonNode frame : client.frames()) {
          highestSent = Math.max(highestSent, frame.path("seq").asLong());
          if (frame.path("type").asText().equals("execution.updated")) {
            assertThat(log.get(frame.path("seq").asLong())).as("the logged event under seq %s", frame.path("seq")).isEqualTo(frame);
          }
        }
      }
      assertThat(log.keySet()).as("the log is gap-free").containsExactlyElementsOf(seqsFrom(log.keySet().iterator().next(), log.size()));

      JdkFeedClient resumed = resume(second, clients.get(0));
      String next = created(second.send("POST", "/api/v1/executions", Executions.body(serial, "echo after", 30)));
      JsonNode newEvent = resumed.awaitFrame(frame -> isUpdateOf(frame, next, "queued") || isUpdateOf(frame, next, "running"));
      assertThat(newEvent.path("seq").asLong()).as("no seq is issued twice").isGreaterThan(highestSent);
      resumed.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void executionsLeftByAKilledServerAreMarkedInterruptedAtTheNextStart(Store store, @TempDir Path dataDir) throws Exception {
    Map<String, String> environment = environment(store, dataDir);
    String serial = adb.devices().get(1).serial();
    String running;
    String queued;
    try (ServerProcess crashed = ServerProcess.start(environment)) {
      crashed.awaitReady();
      running = created(crashed.send("POST", "/api/v1/executions", Executions.body(serial, "sleep 60", 120)));
      queued = created(crashed.send("POST", "/api/v1/executions", Executions.body(serial, "echo later", 30)));
      await().atMost(Executions.WAIT)
          .until(() -> Envelopes.parse(crashed.send("GET", "/api/v1/executions/" + running, null).body()).path("status").asText().equals("running"));
      crashed.kill();
    }
    try (ServerProcess next = ServerProcess.start(environment)) {
      next.awaitReady();
      for (String id : new String[] {running, queued}) {
        JsonNode execution = Envelopes.parse(next.send("GET", "/api/v1/executions/" + id, null).body());
        assertThat(execution.path("status").asText()).isEqualTo("interrupted");
        assertThat(execution.path("error").path("code").asText()).isEqualTo("EXECUTION_INTERRUPTED");
      }
    }
  }

  /**
   * Resumes {@code client} where it stopped: after {@code connection_ack}, the events it missed
   * (in order, from its last seq + 1, as logged), never a snapshot.
   */
  private static JdkFeedClient resume(ServerProcess server, JdkFeedClient client) {
    List<JsonNode> seen = client.frames();
    long lastSeen = seen.get(seen.size() - 1).path("seq").asLong();
    Map<Long, JsonNode> log = eventLog(server);
    long missed = log.keySet().stream().filter(seq -> seq > lastSeen).count();
    assertThat(missed).as("the restart published the interrupted executions").isPositive();
    JdkFeedClient resumed = JdkFeedClient.connect(server.webSocketUri(FEED + "?since=" + lastSeen));
    List<JsonNode> frames = resumed.awaitFrames(1 + (int) missed);
    assertThat(frames.get(0).path("type").asText()).isEqualTo("connection_ack");
    for (int i = 1; i <= missed; i++) {
      assertThat(frames.get(i)).as("missed event %d", lastSeen + i).isEqualTo(log.get(lastSeen + i));
    }
    return resumed;
  }

  private static Map<String, String> environment(Store store, Path dataDir) {
    Map<String, String> environment = new HashMap<>(store.environment(dataDir));
    environment.put("ADB_SERVER", "127.0.0.1:" + adb.port());
    environment.put("LOG_FORMAT", "text");
    environment.put("EXECUTION_OUTPUT_FLUSH_MS", "50");
    return environment;
  }

  /** Every event the server's log holds for the executions feed, by seq. */
  private static Map<Long, JsonNode> eventLog(ServerProcess server) {
    Map<Long, JsonNode> events = new TreeMap<>();
    long since = 0;
    while (true) {
      HttpResponse<String> page = server.send("GET", "/api/v1/events?feed=executions&page_size=500&since=" + since, null);
      assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
      JsonNode data = Envelopes.parse(page.body()).path("data");
      if (data.isEmpty()) {
        return events;
      }
      data.forEach(event -> events.put(event.path("seq").asLong(), event));
      since = data.get(data.size() - 1).path("seq").asLong();
    }
  }

  private static List<Long> seqsFrom(long first, int count) {
    List<Long> seqs = new ArrayList<>();
    for (long seq = first; seq < first + count; seq++) {
      seqs.add(seq);
    }
    return seqs;
  }

  private static String outputOf(ServerProcess server, String id) {
    return Envelopes.parse(server.send("GET", "/api/v1/executions/" + id + "/output", null).body()).path("data").asText();
  }

  private static boolean isUpdateOf(JsonNode frame, String id, String status) {
    return frame.path("type").asText().equals("execution.updated")
        && frame.path("execution").path("id").asText().equals(id)
        && frame.path("execution").path("status").asText().equals(status);
  }

  private static String created(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return Envelopes.parse(response.body()).path("id").asText();
  }
}
