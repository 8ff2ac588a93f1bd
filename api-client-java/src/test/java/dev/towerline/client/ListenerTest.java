package dev.towerline.client;

import static dev.towerline.client.FaultServer.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.towerline.protocol.BreakerState;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ListenerTest {

  private final FaultServer server;
  private final Fixtures.FakeTime time = new Fixtures.FakeTime();

  ListenerTest() throws IOException {
    server = new FaultServer();
  }

  @AfterEach
  void tearDown() {
    server.close();
    assertThat(server.contractProblems()).isEmpty();
  }

  @Test
  void hearsEachAttemptItsAnswerAndTheRetryInBetween() {
    RecordingListener listener = new RecordingListener();
    server.enqueue(unavailable().withHeader("Retry-After", "3"), FaultServer.json(200, Fixtures.DEVICE));

    try (TowerlineClient client = client(listener, BreakerPolicy.disabled(), RetryPolicy.ofDefaults())) {
      client.getDevice("emulator-5554");
    }

    listener
        .assertNext("sent getDevice #1")
        .assertNext("received getDevice 503")
        .assertNext("retry getDevice #1 in PT3S after UnavailableException")
        .assertNext("sent getDevice #2")
        .assertNext("received getDevice 200")
        .assertExhausted();
  }

  @Test
  void hearsARetryAfterADroppedConnectionWithTheTransportFailureAsCause() {
    RecordingListener listener = new RecordingListener();
    server.enqueue(new FaultServer.Drop(), Fixtures.created(Fixtures.EXECUTION));

    try (TowerlineClient client = client(listener, BreakerPolicy.disabled(), RetryPolicy.ofDefaults())) {
      client.createExecution("emulator-5554", "getprop");
    }

    assertThat(time.sleeps).hasSize(1);
    listener
        .assertNext("sent createExecution #1")
        .assertNext("retry createExecution #1 in " + time.sleeps.get(0) + " after TowerlineTransportException")
        .assertNext("sent createExecution #2")
        .assertNext("received createExecution 201")
        .assertExhausted();
  }

  @Test
  void hearsTheBreakerOpenHalfOpenAndCloseAgain() {
    RecordingListener listener = new RecordingListener();
    BreakerPolicy breaker = BreakerPolicy.custom().windowSize(2).minimumCalls(2).failureRatePercent(50)
        .openDuration(Duration.ofSeconds(10)).trialCalls(1).build();
    server.enqueue(unavailable(), unavailable(), FaultServer.json(200, Fixtures.DEVICE));

    try (TowerlineClient client = client(listener, breaker, RetryPolicy.none())) {
      catchThrowableOfType(UnavailableException.class, () -> client.getDevice("emulator-5554"));
      catchThrowableOfType(UnavailableException.class, () -> client.getDevice("emulator-5554"));
      catchThrowableOfType(CircuitOpenException.class, () -> client.getDevice("emulator-5554"));
      time.sleeper().sleep(Duration.ofSeconds(11));
      client.getDevice("emulator-5554");
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }

    listener
        .assertNext("sent getDevice #1").assertNext("received getDevice 503")
        .assertNext("sent getDevice #1").assertNext("received getDevice 503")
        .assertNext("breaker closed -> open")
        .assertNext("breaker open -> half_open")
        .assertNext("sent getDevice #1").assertNext("received getDevice 200")
        .assertNext("breaker half_open -> closed")
        .assertExhausted();
  }

  @Test
  void aListenerThatThrowsFromEveryHookChangesNothing() {
    AtomicInteger calls = new AtomicInteger();
    TowerlineListener broken = new TowerlineListener() {
      @Override public void requestSent(String operation, int attempt) {
        calls.incrementAndGet();
        throw new IllegalStateException("requestSent bug");
      }
      @Override public void responseReceived(String operation, int status, Duration duration) {
        calls.incrementAndGet();
        throw new AssertionError("responseReceived bug");
      }
      @Override public void retryScheduled(String operation, int attempt, Duration delay, TowerlineException cause) {
        calls.incrementAndGet();
        throw new IllegalStateException("retryScheduled bug");
      }
      @Override public void deprecated(DeprecationNotice notice) {
        calls.incrementAndGet();
        throw new IllegalStateException("deprecated bug");
      }
    };
    server.enqueue(unavailable(), FaultServer.json(200, Fixtures.DEVICE).withHeader("Deprecation", "@1795305600"),
        envelope(404, "DEVICE_NOT_FOUND", "No device x", "{\"serial\":\"x\"}"));

    try (TowerlineClient client = client(broken, BreakerPolicy.disabled(), RetryPolicy.ofDefaults())) {
      assertThat(client.getDevice("emulator-5554").getSerial()).isEqualTo("emulator-5554");
      assertThat(catchThrowableOfType(NotFoundException.class, () -> client.getDevice("x")).getMessage())
          .isEqualTo("No device x");
    }

    assertThat(server.requests()).hasSize(3);
    assertThat(calls).hasValue(2 + 2 + 1 + 1 + 2);
  }

  private TowerlineClient client(TowerlineListener listener, BreakerPolicy breaker, RetryPolicy retry) {
    return TowerlineClient.builder()
        .baseUrl(server.baseUrl())
        .retryPolicy(retry)
        .listener(listener)
        .breakerPolicy(breaker)
        .clock(time)
        .sleeper(time.sleeper())
        .build();
  }

  private static FaultServer.Respond unavailable() {
    return envelope(503, "DATABASE_UNAVAILABLE", "Database unavailable", "{}").withHeader("Retry-After", "1");
  }
}
