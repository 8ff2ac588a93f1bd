package dev.towerline.sdkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.client.ExecutionDeadlineException;
import dev.towerline.client.ExecutionQuery;
import dev.towerline.client.NewExecution;
import dev.towerline.client.TowerlineClient;
import dev.towerline.protocol.Execution;
import dev.towerline.protocol.ExecutionStatus;
import dev.towerline.sdkit.support.ContractProxy;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.RunningServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SDK's execution calls against the real server, each answer checked by the contract on the way. */
class ExecutionsTest {

  private static final Duration WAIT = Duration.ofSeconds(15);

  @RegisterExtension @Order(1) static final RunningServer server = new RunningServer();
  @RegisterExtension @Order(2) static final ContractProxy proxy = ContractProxy.inFrontOf(() -> server.uri("/"));

  private final TowerlineClient client = TowerlineClient.builder().baseUrl(proxy.baseUrl()).build();

  @AfterEach
  void closeClient() {
    client.close();
  }

  @Test
  void runsACommandAndStreamsItsOutputWhileItRuns() {
    Execution run = client.createExecution(server.serial(0), "echo first; sleep 0.4; echo second");

    List<String> chunks = client.streamOutput(run.getId()).toList();

    assertThat(String.join("", chunks)).isEqualTo("first\nsecond\n");
    assertThat(client.getExecution(run.getId()).getStatus()).isEqualTo(ExecutionStatus.SUCCEEDED);
  }

  @Test
  void runAndWaitReturnsTheFinalExecutionWhoseOutputIsComplete() {
    Execution done = client.runAndWait(NewExecution.of(server.serial(0), "getprop ro.product.model"), WAIT);

    assertThat(done.getStatus()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(done.getExitCode()).isZero();
    assertThat(client.streamOutput(done.getId()).collect(Collectors.joining()))
        .isEqualTo(server.adb().devices().get(0).model() + "\n");
  }

  @Test
  void aNonZeroExitIsAFinalFailedExecutionNotAnException() {
    Execution done = client.runAndWait(NewExecution.of(server.serial(0), "false"), WAIT);

    assertThat(done.getStatus()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(done.getExitCode()).isEqualTo(1);
  }

  @Test
  void cancelsARunningExecution() {
    Execution run = client.createExecution(server.serial(1), "sleep 30");
    awaitRunning(run.getId());

    Execution cancelled = client.cancelExecution(run.getId());

    assertThat(cancelled.getStatus()).isIn(ExecutionStatus.CANCELLED, ExecutionStatus.RUNNING);
    assertThat(client.awaitExecution(run.getId(), WAIT).getStatus()).isEqualTo(ExecutionStatus.CANCELLED);
  }

  @Test
  void awaitingPastTheDeadlineThrowsAndTheExecutionKeepsRunning() {
    Execution run = client.createExecution(server.serial(2), "sleep 20");

    ExecutionDeadlineException thrown =
        catchThrowableOfType(ExecutionDeadlineException.class, () -> client.awaitExecution(run.getId(), Duration.ofMillis(500)));

    assertThat(thrown.getMessage()).contains(run.getId()).contains("keeps running on the server");
    assertThat(client.getExecution(run.getId()).getStatus()).isIn(ExecutionStatus.QUEUED, ExecutionStatus.RUNNING);
    client.cancelExecution(run.getId());
  }

  @Test
  void aCreateWhoseAnswerWasLostIsRetriedWithTheSameKeyAndCreatesOneExecution() {
    String command = "echo lost-answer-" + UUID.randomUUID();
    int before = proxy.exchanges().size();
    proxy.loseNextAnswer("POST", "/api/v1/executions");

    Execution created = client.createExecution(server.serial(3), command);

    List<ContractProxy.Exchange> posts = proxy.exchanges().subList(before, proxy.exchanges().size());
    assertThat(posts).extracting(ContractProxy.Exchange::target).containsExactly("/api/v1/executions", "/api/v1/executions");
    assertThat(posts.get(0).lost()).isTrue();
    assertThat(posts.get(0).status()).isEqualTo(201);
    assertThat(posts.get(1).idempotencyKey()).isNotBlank().isEqualTo(posts.get(0).idempotencyKey());
    assertThat(posts.get(1).status()).as("the server replays its first answer").isEqualTo(200);
    List<String> onServer = executionIdsWithCommand(server.serial(3), command);
    assertThat(onServer).containsExactly(created.getId());
  }

  @Test
  void streamsMoreThanOnePageOfRealExecutions() {
    String serial = server.serial(3);
    Set<String> created = new HashSet<>();
    for (int i = 0; i < 7; i++) {
      created.add(client.createExecution(serial, "true").getId());
    }
    int listsBefore = proxy.exchanges("GET", "/api/v1/executions?").size();

    List<String> streamed =
        client.streamExecutions(ExecutionQuery.all().withDeviceSerial(serial).withPageSize(3)).map(Execution::getId).toList();

    assertThat(streamed).doesNotHaveDuplicates().containsAll(created)
        .containsExactlyInAnyOrderElementsOf(executionIdsWithCommand(serial, null));
    assertThat(proxy.exchanges("GET", "/api/v1/executions?").size() - listsBefore).isGreaterThanOrEqualTo(3);
  }

  private void awaitRunning(String id) {
    await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
        .until(() -> client.getExecution(id).getStatus() == ExecutionStatus.RUNNING);
  }

  /** Read with a plain REST client, not the SDK: what exists on the server (a null command: all). */
  private static List<String> executionIdsWithCommand(String serial, String command) {
    JsonNode list = Envelopes.parse(server.get("/api/v1/executions?device_serial=" + serial + "&page_size=500").body());
    List<String> ids = new ArrayList<>();
    StreamSupport.stream(list.path("data").spliterator(), false)
        .filter(execution -> command == null || execution.path("command").asText().equals(command))
        .forEach(execution -> ids.add(execution.path("id").asText()));
    return ids;
  }
}
