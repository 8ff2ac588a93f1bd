package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.Executions;
import dev.towerline.server.testing.PostgresSchemas;
import dev.towerline.server.testing.RunningServer;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A server process killed with SIGKILL: the next server on the same PostgreSQL schema marks what
 * it left queued or running as interrupted at start, and its feeds keep every persisted event and
 * continue their seqs.
 */
class CrashRecoveryTest {
  private static final PostgresSchemas schema = PostgresSchemas.create();

  @RegisterExtension static final RunningServer server = new RunningServer().database(schema::config);

  private static final Executions executions = new Executions(server);
  private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void executionsLeftByAKilledServerAreMarkedInterruptedAtTheNextStart() throws Exception {
    String serial = server.adb().devices().get(0).serial();
    int port = freePort();
    URI base = URI.create("http://127.0.0.1:" + port);
    Process crashed = startServerProcess(port);
    try {
      awaitReady(base);
      String running = id(send(base, "POST", "/api/v1/executions", Executions.body(serial, "sleep 60", 120)));
      String queued = id(send(base, "POST", "/api/v1/executions", Executions.body(serial, "echo later", 30)));
      await().atMost(Executions.WAIT).until(() -> executions.get(running).path("status").asText().equals("running"));

      crashed.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      assertThat(executions.get(running).path("status").asText()).as("nobody has noticed yet").isEqualTo("running");

      server.restart(() -> {});

      for (String id : new String[] {running, queued}) {
        JsonNode execution = executions.get(id);
        assertThat(execution.path("status").asText()).isEqualTo("interrupted");
        assertThat(execution.path("error").path("code").asText()).isEqualTo("EXECUTION_INTERRUPTED");
      }
    } finally {
      crashed.destroyForcibly();
    }
  }

  @Test
  void feedSeqsContinueAfterAKilledServerAndNothingPersistedIsLost() throws Exception {
    String serial = server.adb().devices().get(0).serial();
    int port = freePort();
    URI base = URI.create("http://127.0.0.1:" + port);
    Process crashed = startServerProcess(port);
    try {
      awaitReady(base);
      String before = id(send(base, "POST", "/api/v1/executions", Executions.body(serial, "echo before", 30)));
      await().atMost(Executions.WAIT).until(() -> executions.get(before).path("status").asText().equals("succeeded"));
      JsonNode logged = Envelopes.parse(send(base, "GET", "/api/v1/events?feed=executions&since=0&page_size=500", null).body());
      long latest = logged.path("metadata").path("latest_seq").asLong();
      assertThat(latest).isPositive();

      crashed.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      server.restart(() -> {});

      JsonNode kept = Envelopes.parse(server.get("/api/v1/events?feed=executions&since=0&page_size=500").body());
      assertThat(kept.path("data")).as("every event the killed server persisted").containsAll(logged.path("data"));
      String after = executions.awaitFinished(executions.create(serial, "echo after", 30).path("id").asText()).path("id").asText();
      JsonNode next = Envelopes.parse(server.get("/api/v1/events?feed=executions&since=" + latest + "&page_size=500").body());
      assertThat(next.path("data").get(0).path("seq").asLong()).isEqualTo(latest + 1);
      assertThat(next.path("data").get(0).path("execution").path("id").asText()).isEqualTo(after);
    } finally {
      crashed.destroyForcibly();
    }
  }

  @AfterAll
  static void dropSchema() {
    schema.close();
  }

  private static Process startServerProcess(int port) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(File.createTempFile("towerline-crashed", ".log"));
    builder.environment().put("PORT", String.valueOf(port));
    builder.environment().put("DATABASE_URL", schema.config().url());
    builder.environment().put("DATABASE_USER", PostgresSchemas.USER);
    builder.environment().put("ADB_SERVER", "127.0.0.1:" + server.adb().port());
    builder.environment().put("LOG_FORMAT", "text");
    return builder.start();
  }

  private static void awaitReady(URI base) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
        .until(() -> send(base, "GET", "/health/ready", null).statusCode() == 200);
  }

  private static HttpResponse<String> send(URI base, String method, String path, String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5));
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    RunningServer.CONTRACT.checkResponse(response);
    return response;
  }

  private static String id(HttpResponse<String> created) {
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return Envelopes.parse(created.body()).path("id").asText();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
