package dev.towerline.server;

import static dev.towerline.server.testing.Envelopes.assertEnvelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.adb.simulator.DeviceState;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.Executions;
import dev.towerline.server.testing.RunningServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Executions from create to their final status, over HTTP against the ADB simulator. */
class ExecutionLifecycleTest {
  @RegisterExtension static final RunningServer server = new RunningServer();

  private static final Executions executions = new Executions(server);

  @BeforeAll
  static void slowCommands() {
    // Prints N lines, one every 100 ms: output that arrives while the execution runs.
    server.adb().registerCommand("ticker", (session, args) -> {
      for (int i = 1; i <= Integer.parseInt(args.get(0)); i++) {
        session.out("line " + i + " ✓\n");
        session.sleep(Duration.ofMillis(100));
      }
      return 0;
    });
  }


  @Test
  void runsACommandAndCapturesItsOutputAndExitCode() {
    JsonNode created = executions.create(server.serial(0), "echo hello", 30);
    assertThat(created.path("status").asText()).isEqualTo("queued");
    assertThat(created.path("timeout_seconds").asInt()).isEqualTo(30);

    JsonNode done = executions.awaitFinished(created.path("id").asText());

    assertThat(done.path("status").asText()).isEqualTo("succeeded");
    assertThat(done.path("exit_code").asInt()).isZero();
    assertThat(done.has("error")).isFalse();
    assertThat(done.path("duration_ms").asLong()).isNotNegative();
    assertThat(done.path("output_bytes").asLong()).isEqualTo(6);
    assertThat(executions.fullOutput(created.path("id").asText())).isEqualTo("hello\n");
  }

  @Test
  void aNonZeroExitEndsFailedWithCommandFailedAndTheExitCode() {
    String id = executions.create(server.serial(0), "echo oops; false", null).path("id").asText();

    JsonNode done = executions.awaitFinished(id);

    assertThat(done.path("status").asText()).isEqualTo("failed");
    assertThat(done.path("timeout_seconds").asInt()).isEqualTo(300);
    assertThat(done.path("exit_code").asInt()).isEqualTo(1);
    assertThat(done.path("error").path("code").asText()).isEqualTo("COMMAND_FAILED");
    assertThat(done.path("error").path("details").path("exit_code").asInt()).isEqualTo(1);
  }

  @Test
  void aCommandThatOutlivesItsTimeoutIsStoppedAndTimedOut() {
    String id = executions.create(server.serial(1), "sleep 30", 1).path("id").asText();

    JsonNode done = executions.awaitFinished(id);

    assertThat(done.path("status").asText()).isEqualTo("timed_out");
    assertThat(done.path("error").path("code").asText()).isEqualTo("EXECUTION_TIMED_OUT");
    assertThat(done.path("duration_ms").asLong()).isBetween(900L, 5000L);
  }

  @Test
  void cancellingARunningExecutionStopsItOnTheDevice() {
    String id = executions.create(server.serial(2), "sleep 60", 120).path("id").asText();
    executions.awaitStatus(id, "running");
    await().atMost(Executions.WAIT).until(() -> deviceOf(server.serial(2)).path("state").asText().equals("busy"));
    assertThat(deviceOf(server.serial(2)).path("current_execution_id").asText()).isEqualTo(id);

    long started = System.nanoTime();
    HttpResponse<String> cancelled = executions.cancel(id);

    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    JsonNode body = Envelopes.parse(cancelled.body());
    assertThat(body.path("status").asText()).isEqualTo("cancelled");
    assertThat(body.path("error").path("code").asText()).isEqualTo("EXECUTION_CANCELLED");
    // The device confirmed the stop, so the cancel was not abandoned: no details.abandoned at all.
    assertThat(body.path("error").path("details").has("abandoned")).as(cancelled.body()).isFalse();
    await().atMost(Executions.WAIT).until(() -> deviceOf(server.serial(2)).path("state").asText().equals("online"));
    // Cancelling again answers it again; cancelling a finished one is refused.
    assertThat(executions.cancel(id).statusCode()).isEqualTo(200);
  }

  @Test
  void cancellingAQueuedExecutionCancelsItAtOnceAndTheQueueMovesOn() {
    String running = executions.create(server.serial(3), "sleep 60", 120).path("id").asText();
    executions.awaitStatus(running, "running");
    String queued = executions.create(server.serial(3), "echo never", 30).path("id").asText();
    String next = executions.create(server.serial(3), "echo next", 30).path("id").asText();
    assertThat(deviceOf(server.serial(3)).path("queued_executions").asInt()).isEqualTo(2);

    HttpResponse<String> cancelled = executions.cancel(queued);

    assertThat(cancelled.statusCode()).isEqualTo(200);
    JsonNode body = Envelopes.parse(cancelled.body());
    assertThat(body.path("status").asText()).isEqualTo("cancelled");
    assertThat(body.has("started_at")).isFalse();
    assertThat(deviceOf(server.serial(3)).path("queued_executions").asInt()).isEqualTo(1);

    executions.cancel(running);
    assertThat(executions.awaitFinished(next).path("status").asText()).isEqualTo("succeeded");
    assertThat(executions.fullOutput(next)).isEqualTo("next\n");
    assertThat(executions.fullOutput(queued)).isEmpty();
  }

  @Test
  void cancellingAFinishedExecutionIsRefused() {
    String id = executions.create(server.serial(0), "true", 30).path("id").asText();
    executions.awaitFinished(id);

    JsonNode error = assertEnvelope(executions.cancel(id), 409, ErrorCode.EXECUTION_NOT_CANCELLABLE);

    assertThat(error.path("details").path("status").asText()).isEqualTo("succeeded");
  }

  @Test
  void outputCanBeReadWhileTheCommandRuns() {
    String id = executions.create(server.serial(1), "ticker 20", 30).path("id").asText();
    executions.awaitStatus(id, "running");

    StringBuilder read = new StringBuilder();
    long offset = 0;
    boolean sawPartialWhileRunning = false;
    long deadline = System.nanoTime() + Executions.WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode piece = executions.output(id, offset, 7);
      read.append(piece.path("data").asText());
      assertThat(piece.path("offset").asLong()).isEqualTo(offset);
      offset = piece.path("next_offset").asLong();
      if (piece.path("status").asText().equals("running") && read.length() > 0) {
        sawPartialWhileRunning = true;
      }
      if (piece.path("complete").asBoolean()) {
        break;
      }
    }

    assertThat(sawPartialWhileRunning).isTrue();
    StringBuilder expected = new StringBuilder();
    for (int i = 1; i <= 20; i++) {
      expected.append("line ").append(i).append(" ✓\n");
    }
    // Read 7 bytes at a time, and "✓" is 3 bytes: no piece split it.
    assertThat(read.toString()).isEqualTo(expected.toString());
  }

  @Test
  void oneDeviceRunsItsQueueInOrderOneAtATime() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(executions.create(server.serial(0), "sleep 0.2; echo " + i, 30).path("id").asText());
    }

    List<JsonNode> done = ids.stream().map(executions::awaitFinished).toList();

    for (int i = 1; i < done.size(); i++) {
      Instant previousEnd = Instant.parse(done.get(i - 1).path("finished_at").asText());
      Instant start = Instant.parse(done.get(i).path("started_at").asText());
      assertThat(start).isAfterOrEqualTo(previousEnd);
    }
  }

  @Test
  void differentDevicesRunAtTheSameTime() {
    String a = executions.create(server.serial(1), "sleep 1", 30).path("id").asText();
    String b = executions.create(server.serial(2), "sleep 1", 30).path("id").asText();

    JsonNode first = executions.awaitFinished(a);
    JsonNode second = executions.awaitFinished(b);

    Instant secondStart = Instant.parse(second.path("started_at").asText());
    assertThat(secondStart).isBefore(Instant.parse(first.path("finished_at").asText()));
  }

  @Test
  void createIsValidatedBeforeAnythingRuns() {
    JsonNode invalid = assertEnvelope(executions.post("{\"device_serial\":\"" + server.serial(0) + "\",\"command\":\"\",\"timeout_seconds\":0}"), 400, ErrorCode.VALIDATION_FAILED);
    assertThat(invalid.path("details").path("violations").findValuesAsText("field")).containsExactlyInAnyOrder("command", "timeout_seconds");

    assertEnvelope(executions.post(Executions.body(server.serial(0), "x".repeat(4097), 30)), 400, ErrorCode.VALIDATION_FAILED);
    assertEnvelope(executions.post("{\"command\":\"true\"}"), 400, ErrorCode.VALIDATION_FAILED);
    assertEnvelope(executions.post(Executions.body("no-such-device", "true", 30)), 404, ErrorCode.DEVICE_NOT_FOUND);
    assertEnvelope(executions.post(Executions.body(server.serial(0), "true", 30), "bad key with spaces"), 400, ErrorCode.INVALID_PARAMETER);
  }

  @Test
  void anOfflineDeviceIsNotReady() {
    server.adb().putDevice(dev.towerline.adb.simulator.VirtualDevice.builder("offline-1").build());
    server.adb().setState("offline-1", DeviceState.OFFLINE);
    await().atMost(Executions.WAIT).until(() -> server.get("/api/v1/devices/offline-1").statusCode() == 200
        && deviceOf("offline-1").path("state").asText().equals("offline"));

    JsonNode error = assertEnvelope(executions.post(Executions.body("offline-1", "true", 30)), 409, ErrorCode.DEVICE_NOT_READY);

    assertThat(error.path("details").path("state").asText()).isEqualTo("offline");
  }

  @Test
  void unknownExecutionIs404() {
    assertEnvelope(server.get("/api/v1/executions/ex_nope"), 404, ErrorCode.EXECUTION_NOT_FOUND);
    assertEnvelope(server.get("/api/v1/executions/ex_nope/output"), 404, ErrorCode.EXECUTION_NOT_FOUND);
    assertEnvelope(executions.cancel("ex_nope"), 404, ErrorCode.EXECUTION_NOT_FOUND);
  }

  @Test
  void metricsCountExecutionsByStatusQueueDepthAndDuration() {
    executions.awaitFinished(executions.create(server.serial(0), "true", 30).path("id").asText());

    String metrics = server.get("/metrics").body();

    assertThat(metrics)
        .contains("towerline_executions_total{application=\"towerline\",status=\"succeeded\"}")
        .contains("towerline_executions_active{application=\"towerline\",status=\"running\"}")
        .contains("towerline_executions_queue_depth{application=\"towerline\",serial=\"" + server.serial(0) + "\"}")
        .contains("towerline_execution_duration_seconds_bucket{application=\"towerline\",status=\"succeeded\"");
  }

  private static JsonNode deviceOf(String serial) {
    return Envelopes.parse(server.get("/api/v1/devices/" + serial).body());
  }
}
