package dev.towerline.server;

import static dev.towerline.server.testing.Envelopes.assertEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.Executions;
import dev.towerline.server.testing.RunningServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A shell command whose start ADB refused never ran: it is retried, every attempt counts toward the
 * device's breaker, and what waits behind an open breaker ends at once. Each test uses its own
 * devices of the shared server.
 */
class ShellStartRetryTest {
  /** Long enough that no breaker of these tests closes while they run. */
  private static final Duration COOLDOWN = Duration.ofSeconds(60);

  @RegisterExtension
  static final RunningServer server =
      RunningServer.withAdb(
              // Polls (battery reads are commands too) must not take the injected failures.
              adb -> adb.pollInterval(Duration.ofMinutes(10))
                  .breakerCooldown(COOLDOWN)
                  .retryBackoff(Duration.ofMillis(10), Duration.ofMillis(20)))
          // One run at a time, so an execution can wait for a slot held by another device.
          .executions(executions -> executions.parallelism(1));

  private static final Executions executions = new Executions(server);
  private static final CountDownLatch releaseFirst = new CountDownLatch(1);
  private static final CountDownLatch releaseLong = new CountDownLatch(1);

  @BeforeAll
  static void holdingCommands() {
    server.adb().registerCommand("hold-first", (session, args) -> waitFor(releaseFirst));
    server.adb().registerCommand("hold-long", (session, args) -> waitFor(releaseLong));
  }

  @AfterAll
  static void releaseHeldCommands() {
    releaseFirst.countDown();
    releaseLong.countDown();
  }

  @Test
  void aShellCommandWhoseStartWasRefusedOnceSucceedsOnTheSecondAttempt() {
    String serial = server.serial(0);
    int before = server.adb().faults().commandsReceived(serial);
    server.adb().faults().failNextCommands(serial, 1, "device still connecting");

    JsonNode finished = executions.awaitFinished(executions.create(serial, "echo retried", 30).path("id").asText());

    assertThat(finished.path("status").asText()).isEqualTo("succeeded");
    assertThat(executions.fullOutput(finished.path("id").asText())).isEqualTo("retried\n");
    assertThat(server.adb().faults().commandsReceived(serial) - before).as("shell requests ADB saw").isEqualTo(2);
    assertThat(link(serial).path("breaker_state").asText()).isEqualTo("closed");
  }

  @Test
  void oneExecutionRefusedThreeTimesOpensTheBreakerAndWhatWaitsOnTheDeviceEndsAtOnce() throws Exception {
    String serial = server.serial(1);
    String other = server.serial(2);
    // The only run slot is held on this device while the others queue up in this order.
    String first = executions.create(serial, "hold-first", 60).path("id").asText();
    executions.awaitStatus(first, "running");
    server.adb().faults().failNextCommands(serial, 3, "device still connecting");
    String refused = executions.create(serial, "echo never", 30).path("id").asText();
    String otherLong = executions.create(other, "hold-long", 120).path("id").asText();
    String waiting = executions.create(serial, "echo waiting", 30).path("id").asText();
    int before = server.adb().faults().commandsReceived(serial);

    releaseFirst.countDown();

    JsonNode failed = executions.awaitFinished(refused);
    assertThat(failed.path("status").asText()).isEqualTo("error");
    assertThat(failed.path("error").path("code").asText()).isEqualTo("ADB_COMMAND_FAILED");
    assertThat(failed.path("error").path("details").path("attempts").asInt()).isEqualTo(3);
    assertThat(failed.path("error").path("details").path("cause").asText()).contains("device still connecting");
    assertThat(server.adb().faults().commandsReceived(serial) - before).as("attempts that reached ADB").isEqualTo(3);
    assertThat(link(serial).path("breaker_state").asText()).as("open after ONE execution").isEqualTo("open");

    // The slot went to the other device's long command; this one does not wait for it.
    executions.awaitStatus(otherLong, "running");
    JsonNode ended = executions.awaitFinished(waiting);
    assertThat(executions.get(otherLong).path("status").asText()).isEqualTo("running");
    assertThat(ended.path("status").asText()).isEqualTo("error");
    assertThat(ended.path("error").path("code").asText()).isEqualTo("DEVICE_CIRCUIT_OPEN");
    assertThat(ended.path("error").path("details").path("retry_after_seconds").asLong()).isBetween(1L, COOLDOWN.toSeconds());
    assertThat(ended.has("started_at")).as("it never ran").isFalse();

    HttpResponse<String> create = executions.post(Executions.body(serial, "echo again", 30));
    JsonNode error = assertEnvelope(create, 503, ErrorCode.DEVICE_CIRCUIT_OPEN);
    assertThat(error.path("details").path("serial").asText()).isEqualTo(serial);
    assertThat(create.headers().firstValue("Retry-After"))
        .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, COOLDOWN.toSeconds()));
    assertThat(server.adb().faults().commandsReceived(serial) - before).as("nothing more reached ADB").isEqualTo(3);

    releaseLong.countDown();
    assertThat(executions.awaitFinished(otherLong).path("status").asText()).isEqualTo("succeeded");
  }

  @Test
  void aDeviceThatAdbDoesNotKnowIsTriedOnce() {
    String serial = server.serial(3);
    int before = server.adb().faults().commandsReceived(serial);
    server.adb().faults().failNextCommands(serial, 3, "device '" + serial + "' not found");

    JsonNode failed = executions.awaitFinished(executions.create(serial, "echo lost", 30).path("id").asText());

    assertThat(failed.path("status").asText()).isEqualTo("error");
    assertThat(failed.path("error").path("code").asText()).isEqualTo("DEVICE_DISCONNECTED");
    assertThat(failed.path("error").path("details").path("attempts").asInt()).isEqualTo(1);
    assertThat(server.adb().faults().commandsReceived(serial) - before).as("shell requests ADB saw").isEqualTo(1);
    server.adb().faults().failNextCommands(serial, 0);
  }

  private static JsonNode link(String serial) {
    return Envelopes.parse(server.get("/api/v1/devices/" + serial).body()).path("link");
  }

  private static int waitFor(CountDownLatch latch) {
    try {
      return latch.await(2, TimeUnit.MINUTES) ? 0 : 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    }
  }
}
