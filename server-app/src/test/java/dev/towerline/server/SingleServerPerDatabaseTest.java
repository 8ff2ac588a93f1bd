package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.server.testing.PostgresSchemas;
import dev.towerline.server.testing.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Must-be-true 8, second half: a second server started on a database that a live server uses
 * refuses to start, with exit code 3 and a one-line reason naming the database — no stack trace —
 * and the first one keeps serving.
 */
class SingleServerPerDatabaseTest {
  private static final int EXIT_DATABASE_IN_USE = 3;
  private static final Duration REFUSAL_WAIT = Duration.ofSeconds(30);

  private static final PostgresSchemas schema = PostgresSchemas.create();

  @AfterAll
  static void dropSchema() {
    schema.close();
  }

  @Test
  void aSecondServerOnTheSameDataDirRefusesToStart(@TempDir Path dataDir) throws Exception {
    Map<String, String> environment = environment(Map.of("DATA_DIR", dataDir.toString()));

    String refusal = refusalOfASecondServer(environment);

    assertThat(refusal).contains("Database jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("towerline") + " is in use by another process");
  }

  @Test
  void aSecondServerOnTheSamePostgresSchemaRefusesToStart() throws Exception {
    Map<String, String> environment =
        environment(Map.of("DATABASE_URL", schema.config().url(), "DATABASE_USER", PostgresSchemas.USER));

    String refusal = refusalOfASecondServer(environment);

    assertThat(refusal).contains("Database jdbc:postgresql://127.0.0.1:5432/test (schema " + schema.schema() + ") is in use by another Towerline server");
  }

  /** Starts a server, then a second one on the same store; returns the second one's log. */
  private static String refusalOfASecondServer(Map<String, String> environment) throws Exception {
    try (ServerProcess first = ServerProcess.start(environment)) {
      first.awaitReady();
      try (ServerProcess second = ServerProcess.start(environment)) {
        OptionalInt exit = second.awaitExit(REFUSAL_WAIT);

        String log = second.log();
        assertThat(exit).as(log).hasValue(EXIT_DATABASE_IN_USE);
        assertThat(log.lines().filter(line -> line.contains("ERROR"))).as(log).hasSize(1);
        assertThat(log).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(first.send("GET", "/api/v1/executions", null).statusCode()).as("the first server still serves its data").isEqualTo(200);
        return log;
      }
    }
  }

  private static Map<String, String> environment(Map<String, String> store) {
    Map<String, String> environment = new HashMap<>(store);
    environment.put("ADB_SIMULATOR", "2");
    environment.put("LOG_FORMAT", "text");
    return environment;
  }
}
