package dev.towerline.client;

import static dev.towerline.client.FaultServer.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthCallsTest {

  private static final String REPORT =
      "{\"status\":\"%s\",\"duration_ms\":1503,\"checked_at\":\"2026-11-22T10:15:31Z\",\"checks\":{"
          + "\"adb\":{\"status\":\"%s\",\"duration_ms\":1500,\"message\":\"No answer from ADB server\"},"
          + "\"database\":{\"status\":\"pass\",\"duration_ms\":9,\"message\":\"H2 2.5.252 answered\"}}}";

  private final FaultServer server;
  private final Fixtures.FakeTime time = new Fixtures.FakeTime();
  private final TowerlineClient client;

  HealthCallsTest() throws IOException {
    server = new FaultServer();
    client = TowerlineClient.builder().baseUrl(server.baseUrl()).clock(time).sleeper(time.sleeper()).build();
  }

  @AfterEach
  void tearDown() {
    client.close();
    server.close();
    assertThat(server.contractProblems()).isEmpty();
  }

  @Test
  void readsAReadyServer() {
    server.enqueue(FaultServer.json(200, "{\"status\":\"ready\"}"));

    assertThat(client.readiness()).isEqualTo(new Health.Readiness(true, "ready", Map.of(), null));
    assertThat(server.requests().get(0).target()).isEqualTo("/health/ready");
  }

  @Test
  void aServerStillStartingIsAnAnswerReturnedAtOnceNotRetriedNorThrown() {
    server.enqueue(envelope(503, "SERVICE_UNAVAILABLE", "The server is still starting: listing ADB devices",
        "{\"waiting_for\":{\"adb\":\"listing ADB devices\"}}").withHeader("Retry-After", "1"));

    Health.Readiness readiness = client.readiness();

    assertThat(readiness).isEqualTo(new Health.Readiness(false, "The server is still starting: listing ADB devices",
        Map.of("adb", "listing ADB devices"), Duration.ofSeconds(1)));
    assertThat(server.requests()).hasSize(1);
    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void readsAPassingDependencyReport() {
    server.enqueue(FaultServer.json(200, REPORT.formatted("pass", "pass")));

    Health.Report report = client.fullHealth();

    assertThat(report.passed()).isTrue();
    assertThat(report.failing()).isEmpty();
    assertThat(report.duration()).isEqualTo(Duration.ofMillis(1503));
    assertThat(report.checkedAt()).isEqualTo(OffsetDateTime.parse("2026-11-22T10:15:31Z"));
    assertThat(report.checks()).containsOnlyKeys("adb", "database");
  }

  @Test
  void aFailingCheckComesBackAsAReportFromThe503NotAsAnException() {
    server.enqueue(envelope(503, "HEALTH_CHECK_FAILED", "Failing checks: adb", REPORT.formatted("fail", "fail")));

    Health.Report report = client.fullHealth();

    assertThat(report.passed()).isFalse();
    assertThat(report.failing()).isEqualTo(List.of("adb"));
    assertThat(report.checks().get("adb"))
        .isEqualTo(new Health.Check(false, Duration.ofMillis(1500), "No answer from ADB server"));
    assertThat(report.checks().get("database").passed()).isTrue();
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void anotherUnavailableAnswerOfFullHealthIsThrownWithoutRetrying() {
    server.enqueue(envelope(503, "SERVICE_UNAVAILABLE", "The server is shutting down", "{}"));

    UnavailableException thrown = catchThrowableOfType(UnavailableException.class, client::fullHealth);

    assertThat(thrown.errorCode()).contains("SERVICE_UNAVAILABLE");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void readsMetricsAsPrometheusText() {
    String text = "# TYPE towerline_executions gauge\ntowerline_executions{status=\"running\"} 2.0\n";
    server.enqueue(new FaultServer.Respond(200,
        Map.of("Content-Type", "text/plain; version=0.0.4; charset=utf-8", "X-Request-Id", FaultServer.REQUEST_ID), text));

    assertThat(client.metrics()).isEqualTo(text);
    assertThat(server.requests().get(0).target()).isEqualTo("/metrics");
    assertThat(server.requests().get(0).header("accept")).isEqualTo("text/plain");
  }

  @Test
  @SuppressWarnings("deprecation")
  void readsTheDeprecatedLegacyStatusAndSaysItIsDeprecated() {
    RecordingListener listener = new RecordingListener();
    server.enqueue(FaultServer.json(200, "{\"status\":\"degraded\",\"adb\":\"down\",\"database\":\"up\"}")
        .withHeader("Deprecation", "@1795305600")
        .withHeader("Sunset", "Wed, 30 Jun 2027 00:00:00 GMT")
        .withHeader("Link", "<https://towerline.dev/docs/guides/migrate-legacy-status>; rel=\"deprecation\""));

    try (TowerlineClient listened = client.toBuilder().listener(listener).build()) {
      assertThat(listened.legacyStatus()).isEqualTo(new Health.LegacyStatus(false, false, true));
    }

    assertThat(server.requests().get(0).target()).isEqualTo("/api/v1/status");
    listener.assertNext("sent getLegacyStatus #1").assertNext("received getLegacyStatus 200")
        .assertNext("deprecated getLegacyStatus").assertExhausted();
  }

  @Test
  void readsASchemaFileAsText() {
    String schema = "{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"title\":\"Feed\",\"type\":\"string\"}";
    server.enqueue(new FaultServer.Respond(200,
        Map.of("Content-Type", "application/schema+json", "X-Request-Id", FaultServer.REQUEST_ID), schema));

    assertThat(client.schemaDocument("feed.json")).isEqualTo(schema);
    assertThat(server.requests().get(0).header("accept")).isEqualTo("application/schema+json");
  }
}
