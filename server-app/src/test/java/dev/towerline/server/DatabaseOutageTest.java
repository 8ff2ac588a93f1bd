package dev.towerline.server;

import static dev.towerline.server.testing.Envelopes.assertEnvelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.adb.simulator.DeviceState;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.Executions;
import dev.towerline.server.testing.FeedRecorder;
import dev.towerline.server.testing.Feeds;
import dev.towerline.server.testing.PostgresSchemas;
import dev.towerline.server.testing.RunningServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The machine's PostgreSQL stopped and started for real: data operations answer 503 quickly,
 * /health/full names the database, feed events wait for it instead of being lost, and everything
 * recovers by itself.
 */
class DatabaseOutageTest {
  private static final PostgresSchemas schema = PostgresSchemas.create();

  @RegisterExtension static final RunningServer server = new RunningServer().database(schema::config);

  private static final Executions executions = new Executions(server);

  @Test
  void answers503WhileThePostgresIsDownAndRecoversByItself() throws Exception {
    String serial = server.adb().devices().get(0).serial();
    String before = executions.create(serial, "echo before", 30).path("id").asText();
    executions.awaitFinished(before);

    try {
      postgres("stop");

      long started = System.nanoTime();
      HttpResponse<String> get = server.get("/api/v1/executions/" + before);
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertEnvelope(get, 503, ErrorCode.DATABASE_UNAVAILABLE);
      assertThat(get.headers().firstValue("Retry-After")).isPresent();
      assertThat(took).isLessThan(Duration.ofSeconds(5));
      assertEnvelope(executions.post(Executions.body(serial, "echo during", 30)), 503, ErrorCode.DATABASE_UNAVAILABLE);
      assertEnvelope(server.get("/api/v1/executions"), 503, ErrorCode.DATABASE_UNAVAILABLE);
      HttpResponse<String> health = server.get("/health/full");
      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(health.body()).contains("database");
      assertThat(server.get("/api/v1/devices").statusCode()).as("devices do not need the database").isEqualTo(200);
    } finally {
      postgres("start");
      awaitPostgresReady();
    }

    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
        .until(() -> server.get("/api/v1/executions/" + before).statusCode() == 200);
    JsonNode after = executions.awaitFinished(executions.create(serial, "echo after", 30).path("id").asText());
    assertThat(after.path("status").asText()).isEqualTo("succeeded");
    assertThat(Envelopes.parse(server.get("/health/full").body()).path("status").asText()).isNotEqualTo("fail");
  }

  @Test
  void feedEventsOfTheOutageArriveAfterItInOrderWithNoGap() throws Exception {
    String serial = server.serial(1);
    FeedRecorder live = server.feedClients().connect("devices");
    assertThat(Feeds.type(live.assertNextText())).isEqualTo("connection_ack");
    long snapshotSeq = Feeds.parse(live.assertNextText()).path("seq").asLong();

    try {
      postgres("stop");
      server.adb().setState(serial, DeviceState.OFFLINE);
      // Devices do not need the database: the change is seen during the outage, and its event waits for it.
      await().atMost(Duration.ofSeconds(10))
          .until(() -> Envelopes.parse(server.get("/api/v1/devices/" + serial).body()).path("state").asText().equals("offline"));
      await().atMost(Duration.ofSeconds(20))
          .until(() -> server.get("/metrics").body().contains("towerline_feed_events_waiting{application=\"towerline\",feed=\"devices\"} 1.0"));
    } finally {
      postgres("start");
      awaitPostgresReady();
    }

    JsonNode event = Feeds.parse(live.awaitText(text -> Feeds.type(text).equals("device.updated")));
    assertThat(event.path("seq").asLong()).isEqualTo(snapshotSeq + 1);
    assertThat(event.path("device").path("serial").asText()).isEqualTo(serial);
    assertThat(event.path("device").path("state").asText()).isEqualTo("offline");
    JsonNode replayed =
        Envelopes.parse(server.get("/api/v1/events?feed=devices&since=" + snapshotSeq).body()).path("data").path(0);
    assertThat(replayed.path("seq").asLong()).isEqualTo(snapshotSeq + 1);
    assertThat(replayed.path("device").path("state").asText()).isEqualTo("offline");
    live.close();
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
        .until(() -> server.get("/api/v1/executions").statusCode() == 200);
  }

  @AfterAll
  static void dropSchema() throws Exception {
    awaitPostgresReady();
    schema.close();
  }

  private static void postgres(String action) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", clusterVersion(), "main", action)
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    // "start" on a running cluster exits 2: fine, it is up.
    assertThat(process.exitValue()).as("pg_ctlcluster %s: %s", action, output).isIn(0, 2);
  }

  /** The machine's one PostgreSQL version, as .ci/run finds it. */
  private static String clusterVersion() throws IOException {
    try (var versions = java.nio.file.Files.list(java.nio.file.Path.of("/etc/postgresql"))) {
      return versions.map(v -> v.getFileName().toString()).sorted().reduce((a, b) -> b).orElseThrow(
          () -> new IllegalStateException("no PostgreSQL cluster under /etc/postgresql"));
    }
  }

  private static void awaitPostgresReady() {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
      Process ready = new ProcessBuilder("pg_isready", "-h", "127.0.0.1").redirectErrorStream(true).start();
      ready.getInputStream().readAllBytes();
      return ready.waitFor(10, TimeUnit.SECONDS) && ready.exitValue() == 0;
    });
  }
}
