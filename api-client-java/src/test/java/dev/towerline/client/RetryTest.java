package dev.towerline.client;

import static dev.towerline.client.FaultServer.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.towerline.protocol.Execution;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetryTest {

  private final FaultServer server;
  private final Fixtures.FakeTime time = new Fixtures.FakeTime();
  private final RetryPolicy policy =
      RetryPolicy.custom()
          .maxAttempts(4)
          .initialBackoff(Duration.ofMillis(100))
          .maxBackoff(Duration.ofSeconds(1))
          .maxTotalTime(Duration.ofSeconds(30))
          .build();
  private final TowerlineClient client;

  RetryTest() throws IOException {
    server = new FaultServer();
    client =
        TowerlineClient.builder()
            .baseUrl(server.baseUrl())
            .retryPolicy(policy)
            .clock(time)
            .sleeper(time.sleeper())
            .build();
  }

  @AfterEach
  void tearDown() {
    client.close();
    server.close();
    assertThat(server.contractProblems()).isEmpty();
  }

  @Test
  void retriesA503HonouringRetryAfterThenSucceeds() {
    server.enqueue(unavailable("3"), FaultServer.json(200, Fixtures.DEVICE));

    assertThat(client.getDevice("emulator-5554").getSerial()).isEqualTo("emulator-5554");

    assertThat(server.requests()).hasSize(2);
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void retriesCreateWithSameIdempotencyKey() {
    server.enqueue(unavailable("2"), unavailable("2"), Fixtures.created(Fixtures.EXECUTION));

    Execution execution = client.createExecution("emulator-5554", "getprop");

    assertThat(execution.getId()).isEqualTo("ex_01JD4Z8Q2M7W");
    List<String> keys = server.requests().stream().map(r -> r.header("idempotency-key")).toList();
    assertThat(keys).hasSize(3).doesNotContainNull().containsOnly(keys.get(0));
    assertThat(UUID.fromString(keys.get(0))).isNotNull();
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
    assertThat(server.requests()).extracting(FaultServer.Recorded::body).containsOnly(server.requests().get(0).body());
  }

  @Test
  void keepsACallerGivenIdempotencyKeyOnEveryRetry() {
    server.enqueue(unavailable("1"), Fixtures.created(Fixtures.EXECUTION));

    client.createExecution(NewExecution.of("emulator-5554", "getprop").withIdempotencyKey("run-42"));

    assertThat(server.requests()).extracting(r -> r.header("idempotency-key")).containsExactly("run-42", "run-42");
  }

  @Test
  void makesOneIdempotencyKeyPerLogicalCall() {
    server.enqueue(Fixtures.created(Fixtures.EXECUTION), Fixtures.created(Fixtures.EXECUTION));

    client.createExecution("emulator-5554", "getprop");
    client.createExecution("emulator-5554", "getprop");

    assertThat(server.requests()).extracting(r -> r.header("idempotency-key")).doesNotHaveDuplicates();
  }

  @Test
  void doesNotRetryClientErrors() {
    server.enqueue(envelope(422, "IDEMPOTENCY_KEY_REUSED", "Key used with another body", "{\"idempotency_key\":\"k\"}"));

    catchThrowableOfType(IdempotencyKeyReusedException.class, () -> client.createExecution("emulator-5554", "getprop"));

    assertThat(server.requests()).hasSize(1);
    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void doesNotRetryAnInternalError() {
    server.enqueue(envelope(500, "INTERNAL_ERROR", "Unexpected", "{}"));

    catchThrowableOfType(ServerException.class, () -> client.getDevice("emulator-5554"));

    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void retriesA429QueueFullAfterItsRetryAfter() {
    server.enqueue(
        envelope(429, "QUEUE_FULL", "Queue full", "{\"serial\":\"emulator-5554\",\"limit\":100}").withHeader("Retry-After", "4"),
        Fixtures.created(Fixtures.EXECUTION));

    client.createExecution("emulator-5554", "getprop");

    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(4));
  }

  @Test
  void retriesDroppedConnectionsWithFullJitterBoundedByTheGrowingCeiling() {
    // Each SDK attempt may be two requests: the JDK resends a GET once on a connection closed unanswered.
    for (int i = 0; i < 6; i++) {
      server.enqueue(new FaultServer.Drop());
    }
    server.enqueue(FaultServer.json(200, Fixtures.DEVICE));

    client.getDevice("emulator-5554");

    assertThat(time.sleeps).hasSizeBetween(1, 3);
    for (int retry = 1; retry <= time.sleeps.size(); retry++) {
      assertThat(time.sleeps.get(retry - 1)).isBetween(Duration.ZERO, policy.backoffCeiling(retry));
    }
  }

  @Test
  void stopsAtTheAttemptLimit() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(unavailable("1"));
    }

    UnavailableException e = catchThrowableOfType(UnavailableException.class, () -> client.listDevices());

    assertThat(server.requests()).hasSize(policy.maxAttempts());
    assertThat(time.sleeps).hasSize(policy.maxAttempts() - 1);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
  }

  @Test
  void stopsWhenTheNextWaitWouldPassTheTotalTime() {
    server.enqueue(unavailable("29"), unavailable("2"));

    catchThrowableOfType(UnavailableException.class, () -> client.getDevice("emulator-5554"));

    // 29 s waited, 29 + 2 > 30 s: the second failure is final.
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(29));
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void retriesACancelBecauseTheSpecMakesItIdempotent() {
    server.enqueue(unavailable("1"), FaultServer.json(200, Fixtures.EXECUTION.replace("queued", "cancelled")));

    assertThat(client.cancelExecution("ex_01JD4Z8Q2M7W").getStatus().value()).isEqualTo("cancelled");
    assertThat(server.requests()).hasSize(2);
  }

  private static FaultServer.Respond unavailable(String retryAfterSeconds) {
    return envelope(503, "DATABASE_UNAVAILABLE", "Database unavailable", "{}").withHeader("Retry-After", retryAfterSeconds);
  }
}
