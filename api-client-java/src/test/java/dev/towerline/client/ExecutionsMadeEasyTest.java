package dev.towerline.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.towerline.protocol.Execution;
import dev.towerline.protocol.ExecutionStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExecutionsMadeEasyTest {

  private static final String ID = "ex_01JD4Z8Q2M7W";

  private final FaultServer server;
  private final Fixtures.FakeTime time = new Fixtures.FakeTime();
  private final TowerlineClient client;

  ExecutionsMadeEasyTest() throws IOException {
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
  void awaitsAnExecutionPollingWithGrowingWaitsUntilItIsFinal() {
    server.enqueue(execution("queued"), execution("running"), execution("running"), execution("succeeded"));

    Execution done = client.awaitExecution(ID, Duration.ofSeconds(30));

    assertThat(done.getStatus()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(server.requests()).extracting(FaultServer.Recorded::target).containsOnly("/api/v1/executions/" + ID).hasSize(4);
    assertThat(time.sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(150), Duration.ofMillis(225));
  }

  @Test
  void givesUpAtTheDeadlineSayingTheExecutionKeepsRunning() {
    for (int i = 0; i < 10; i++) {
      server.enqueue(execution("running"));
    }

    ExecutionDeadlineException thrown =
        catchThrowableOfType(ExecutionDeadlineException.class, () -> client.awaitExecution(ID, Duration.ofSeconds(1)));

    assertThat(thrown.getMessage())
        .isEqualTo("Execution " + ID + " is still running after waiting PT1S; it keeps running on the server: "
            + "wait again or cancel it");
    assertThat(thrown.execution().getId()).isEqualTo(ID);
    assertThat(thrown.httpStatus()).isZero();
    // Polls at 0, 100, 250, 475, 812.5 ms and one last at the deadline; never a wait past it.
    assertThat(server.requests()).hasSize(6);
    assertThat(time.sleeps.stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void runAndWaitCreatesOnceWithAnIdempotencyKeyThenWaits() {
    server.enqueue(Fixtures.created(Fixtures.EXECUTION), execution("running"), execution("failed"));

    Execution done = client.runAndWait(NewExecution.of("emulator-5554", "getprop"), Duration.ofSeconds(10));

    assertThat(done.getStatus()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(server.requests()).extracting(FaultServer.Recorded::method).containsExactly("POST", "GET", "GET");
    assertThat(server.requests().get(0).header("idempotency-key")).isNotBlank();
  }

  @Test
  void refusesANonPositiveTimeoutBeforeCreatingAnything() {
    assertThatThrownBy(() -> client.runAndWait(NewExecution.of("emulator-5554", "getprop"), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout must be positive: PT0S");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void streamsOutputFollowingNextOffsetAndWaitingWhileNothingNewHasCome() {
    server.enqueue(
        output("running", 0, 6, "line1\n", false),
        output("running", 6, 6, "", false),
        output("running", 6, 6, "", false),
        output("succeeded", 6, 12, "line2\n", true));

    assertThat(client.streamOutput(ID).collect(Collectors.toList())).containsExactly("line1\n", "line2\n");

    assertThat(server.requests()).extracting(FaultServer.Recorded::target).containsExactly(
        "/api/v1/executions/" + ID + "/output?offset=0",
        "/api/v1/executions/" + ID + "/output?offset=6",
        "/api/v1/executions/" + ID + "/output?offset=6",
        "/api/v1/executions/" + ID + "/output?offset=6");
    assertThat(time.sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(150));
  }

  @Test
  void streamsOutputLazily() {
    server.enqueue(output("running", 0, 6, "line1\n", false));

    assertThat(client.streamOutput(ID).findFirst()).contains("line1\n");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void anEmptyFinishedOutputIsAnEmptyStream() {
    server.enqueue(output("succeeded", 0, 0, "", true));

    assertThat(client.streamOutput(ID)).isEmpty();
    assertThat(time.sleeps).isEmpty();
  }

  private static FaultServer.Respond execution(String status) {
    String finished = status.equals("queued") || status.equals("running") ? "" : ",\"finished_at\":\"2026-11-22T10:15:03Z\"";
    String started = status.equals("queued") ? "" : ",\"started_at\":\"2026-11-22T10:15:02Z\"";
    return FaultServer.json(200, Fixtures.EXECUTION.replace("\"queued\"", "\"" + status + "\"")
        .replace(",\"output_bytes\"", started + finished + ",\"output_bytes\""));
  }

  private static FaultServer.Respond output(String status, long offset, long next, String data, boolean complete) {
    return FaultServer.json(200, "{\"execution_id\":\"" + ID + "\",\"status\":\"" + status + "\",\"offset\":" + offset
        + ",\"next_offset\":" + next + ",\"available_from\":0,\"data\":\"" + data.replace("\n", "\\n")
        + "\",\"complete\":" + complete + "}");
  }
}
