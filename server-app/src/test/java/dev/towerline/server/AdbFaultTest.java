package dev.towerline.server;

import static dev.towerline.server.testing.Envelopes.assertEnvelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.adb.LogCapture;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.Executions;
import dev.towerline.server.testing.RunningServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** AC-104: ADB faults on a device end its execution in error, open its breaker, and heal. */
class AdbFaultTest {
  private static final Duration COOLDOWN = Duration.ofSeconds(2);

  @RegisterExtension
  static final RunningServer server =
      RunningServer.withAdb(
          adb ->
              // Polls (battery reads are commands too) must not take the injected failures.
              adb.pollInterval(Duration.ofMinutes(10))
                  .breakerCooldown(COOLDOWN)
                  .retryBackoff(Duration.ofMillis(10), Duration.ofMillis(20)));

  private static final Executions executions = new Executions(server);

  @Test
  void oneCommandThatAdbFailsThreeTimesIsRetriedThenTripsTheBreakerAndEndsWithAGracefulError() {
    String serial = server.adb().devices().get(0).serial();
    int before = server.adb().faults().commandsReceived(serial);
    try (LogCapture log = new LogCapture("dev.towerline.server.executions.ExecutionEvents");
        LogCapture breakerLog = new LogCapture("dev.towerline.server.adb.ResilientAdbGateway")) {
      // Not "closed", which was the only refusal retried before: any start refusal that may pass is.
      server.adb().faults().failNextCommands(serial, 3, "device still connecting");

      String id = executions.create(serial, "echo hi", 30).path("id").asText();
      JsonNode failed = executions.awaitFinished(id);

      assertThat(server.adb().faults().commandsReceived(serial) - before).as("tried 3 times").isEqualTo(3);
      assertThat(failed.path("status").asText()).isEqualTo("error");
      assertThat(failed.path("error").path("code").asText()).isEqualTo("ADB_COMMAND_FAILED");
      assertThat(failed.path("error").path("details").path("serial").asText()).isEqualTo(serial);
      assertThat(failed.path("error").path("details").path("attempts").asInt()).isEqualTo(3);
      assertThat(failed.path("error").path("message").asText())
          .isEqualTo("ADB could not run the command: ADB refused shell on device '" + serial + "': device still connecting");
      assertThat(breakerLog.jsonLinesContaining("ADB circuit breaker for device '" + serial + "' opened"))
          .singleElement().satisfies(line -> assertThat(line).contains("\"to_state\":\"open\"").contains("\"level\":\"WARN\""));
      List<String> lines = log.jsonLinesContaining(id + " on device " + serial + " went from running to error");
      assertThat(lines).singleElement().satisfies(line -> assertThat(line)
          .contains("\"execution_id\":\"" + id + "\"")
          .contains("\"serial\":\"" + serial + "\"")
          .contains("\"to_status\":\"error\"")
          .contains("\"error_code\":\"" + failed.path("error").path("code").asText() + "\"")
          .contains("\"level\":\"WARN\""));
    }

    long started = System.nanoTime();
    HttpResponse<String> refused = executions.post(Executions.body(serial, "echo again", 30));
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    JsonNode error = assertEnvelope(refused, 503, ErrorCode.DEVICE_CIRCUIT_OPEN);
    assertThat(error.path("details").path("serial").asText()).isEqualTo(serial);
    assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, COOLDOWN.toSeconds()));
    // Refused from the breaker's state, without asking ADB (the bound is 50 ms; this is a sanity bound).
    assertThat(took).isLessThan(Duration.ofSeconds(1));

    // ADB is healthy again: after the cool-down the device takes executions by itself.
    String[] healed = new String[1];
    await().atMost(COOLDOWN.multipliedBy(5)).pollInterval(Duration.ofMillis(200)).until(() -> {
      HttpResponse<String> retried = executions.post(Executions.body(serial, "echo healed", 30));
      healed[0] = retried.statusCode() == 201 ? Envelopes.parse(retried.body()).path("id").asText() : null;
      return healed[0] != null;
    });
    assertThat(executions.awaitFinished(healed[0]).path("status").asText()).isEqualTo("succeeded");
    assertThat(server.get("/api/v1/devices/" + serial).body()).contains("\"breaker_state\":\"closed\"");
  }
}
