package dev.towerline.server;

import static dev.towerline.server.testing.Envelopes.assertEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.RunningServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FullHealthTest {
  @RegisterExtension static final RunningServer server = new RunningServer();

  /** What the contract promises for /health/full, whatever a dependency does. */
  private static final Duration PROMISED = Duration.ofSeconds(2);

  @AfterEach
  void healAdb() throws Exception {
    server.adb().faults().clearHang();
    if (!server.adb().isRunning()) {
      server.adb().start();
    }
  }

  @Test
  void passesWhenAdbAndDatabaseAnswer() {
    HttpResponse<String> response = server.get("/health/full");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode report = Envelopes.parse(response.body());
    assertThat(report.path("status").asText()).isEqualTo("pass");
    assertThat(report.path("checks").path("adb").path("status").asText()).isEqualTo("pass");
    assertThat(report.path("checks").path("adb").path("message").asText()).contains("answered version");
    assertThat(report.path("checks").path("database").path("status").asText()).isEqualTo("pass");
    assertThat(report.path("checks").path("database").path("message").asText()).startsWith("H2 ");
  }

  @Test
  void answersWithinTwoSecondsNamingAdbWhenAdbHangs() {
    server.adb().faults().hang(Duration.ofMinutes(1));

    long started = System.nanoTime();
    HttpResponse<String> response = server.get("/health/full");
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    JsonNode error = assertEnvelope(response, 503, ErrorCode.HEALTH_CHECK_FAILED);
    assertThat(took).isLessThan(PROMISED);
    assertThat(error.path("message").asText()).isEqualTo("Failing checks: adb");
    assertThat(error.path("details").path("checks").path("adb").path("status").asText()).isEqualTo("fail");
    assertThat(error.path("details").path("checks").path("database").path("status").asText()).isEqualTo("pass");
  }

  @Test
  void failsNamingAdbWhenTheAdbServerIsDown() {
    server.adb().stop();

    JsonNode error = assertEnvelope(server.get("/health/full"), 503, ErrorCode.HEALTH_CHECK_FAILED);

    assertThat(error.path("details").path("checks").path("adb").path("message").asText()).contains("127.0.0.1:" + server.adb().port());
  }

  @Test
  void legacyStatusReportsAdbDownAsDegradedWithDeprecationHeaders() {
    server.adb().stop();

    HttpResponse<String> response = server.get("/api/v1/status");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode status = Envelopes.parse(response.body());
    assertThat(status.path("status").asText()).isEqualTo("degraded");
    assertThat(status.path("adb").asText()).isEqualTo("down");
    assertThat(status.path("database").asText()).isEqualTo("up");
    assertThat(response.headers().firstValue("Sunset")).isPresent();
  }
}
