package dev.towerline.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.adb.simulator.AdbSimulator;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.Executions;
import dev.towerline.server.testing.PostgresSchemas;
import dev.towerline.server.testing.ServerProcess;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An audit entry is in the database before its answer goes out: a server process killed with
 * SIGKILL right after answering writes (a 201 and a 422 refusal) has recorded both, on the
 * default embedded H2 store and on PostgreSQL, and the next server reads them back through the API.
 */
class AuditDurabilityTest {
  private static final PostgresSchemas schema = PostgresSchemas.create();
  private static AdbSimulator adb;

  @BeforeAll
  static void startAdb() throws IOException {
    adb = AdbSimulator.demo(2).start();
  }

  @AfterAll
  static void stopAdbAndDropSchema() {
    adb.close();
    schema.close();
  }

  static Stream<Named<Map<String, String>>> stores() throws IOException {
    Path dataDir = Files.createTempDirectory("towerline-audit");
    return Stream.of(
        Named.of("embedded H2 in DATA_DIR", Map.of("DATA_DIR", dataDir.toString())),
        Named.of("PostgreSQL", Map.of("DATABASE_URL", schema.config().url(), "DATABASE_USER", PostgresSchemas.USER)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void entriesAnsweredBeforeAKillAreThereAfterARestart(Map<String, String> store) throws Exception {
    Map<String, String> environment = new HashMap<>(store);
    environment.put("ADB_SERVER", "127.0.0.1:" + adb.port());
    environment.put("LOG_FORMAT", "text");
    String serial = adb.devices().get(0).serial();
    String createdRequest;
    String refusedRequest;
    String executionId;
    try (ServerProcess first = ServerProcess.start(environment)) {
      first.awaitReady();
      HttpResponse<String> created = first.send("POST", "/api/v1/executions", Executions.body(serial, "sleep 30", 60));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      executionId = Envelopes.parse(created.body()).path("id").asText();
      createdRequest = created.headers().firstValue("X-Request-Id").orElseThrow();
      HttpResponse<String> refused = first.send("POST", "/api/v1/executions", Executions.body(serial, "rm -rf /", 60));
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
      refusedRequest = refused.headers().firstValue("X-Request-Id").orElseThrow();
      first.kill();
    }

    try (ServerProcess second = ServerProcess.start(environment)) {
      second.awaitReady();
      HttpResponse<String> page = second.send("GET", "/api/v1/audit?operation=createExecution", null);
      assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
      List<JsonNode> entries = new ArrayList<>();
      Envelopes.parse(page.body()).path("data").forEach(entries::add);
      assertThat(entries).extracting(e -> e.path("request_id").asText()).containsExactly(refusedRequest, createdRequest);
      assertThat(entries.get(1).path("target").path("execution_id").asText()).isEqualTo(executionId);
      assertThat(entries.get(0).path("outcome").path("error_code").asText()).isEqualTo("COMMAND_NOT_ALLOWED");
      assertThat(entries.get(0).path("payload").path("command").asText()).isEqualTo("rm -rf /");
    }
  }
}
