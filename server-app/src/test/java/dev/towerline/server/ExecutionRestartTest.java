package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.server.store.DatabaseConfig;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.Executions;
import dev.towerline.server.testing.RunningServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A restart on the same embedded H2 file keeps everything and leaves nothing running. */
class ExecutionRestartTest {
  private static final Path DATA = temporaryFolder();

  @RegisterExtension
  static final RunningServer server =
      new RunningServer()
          .database(() -> DatabaseConfig.custom().url("jdbc:h2:file:" + DATA.resolve("towerline") + ";MODE=PostgreSQL").build());

  private static final Executions executions = new Executions(server);

  @Test
  void keepsExecutionsOutputAndKeysAndMarksUnfinishedOnesInterrupted() throws IOException {
    String serial = server.adb().devices().get(0).serial();
    String body = Executions.body(serial, "echo kept", 30);
    String done = Envelopes.parse(executions.post(body, "restart-key").body()).path("id").asText();
    executions.awaitFinished(done);
    String running = executions.create(serial, "sleep 60", 120).path("id").asText();
    executions.awaitStatus(running, "running");
    String queued = executions.create(serial, "echo later", 30).path("id").asText();

    server.restart(() -> {});

    assertThat(executions.get(done).path("status").asText()).isEqualTo("succeeded");
    assertThat(executions.fullOutput(done)).isEqualTo("kept\n");
    HttpResponse<String> replay = executions.post(body, "restart-key");
    assertThat(replay.statusCode()).isEqualTo(200);
    assertThat(Envelopes.parse(replay.body()).path("id").asText()).isEqualTo(done);
    for (String id : new String[] {running, queued}) {
      JsonNode interrupted = executions.get(id);
      assertThat(interrupted.path("status").asText()).isEqualTo("interrupted");
      assertThat(interrupted.path("error").path("code").asText()).isEqualTo("EXECUTION_INTERRUPTED");
      assertThat(interrupted.has("finished_at")).isTrue();
    }
    // The device is free for new work on the new server.
    assertThat(executions.awaitFinished(executions.create(serial, "true", 30).path("id").asText()).path("status").asText())
        .isEqualTo("succeeded");
  }

  @AfterAll
  static void deleteData() throws IOException {
    try (Stream<Path> files = Files.walk(DATA)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  private static Path temporaryFolder() {
    try {
      return Files.createTempDirectory("towerline-restart");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
