package dev.towerline.client;

import static dev.towerline.client.FaultServer.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BreakerTest {

  private final FaultServer server;
  private final Fixtures.FakeTime time = new Fixtures.FakeTime();
  private final TowerlineClient client;

  BreakerTest() throws IOException {
    server = new FaultServer();
    client =
        TowerlineClient.builder()
            .baseUrl(server.baseUrl())
            .retryPolicy(RetryPolicy.none())
            .breakerPolicy(BreakerPolicy.custom().windowSize(4).minimumCalls(4).failureRatePercent(50)
                .openDuration(Duration.ofSeconds(10)).trialCalls(1).build())
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
  void opensAfterAnOutageFailsFastNamingItselfThenHalfOpensAndCloses() throws Exception {
    server.enqueue(device(), unavailable(), unavailable(), device());
    client.getDevice("emulator-5554");
    catchThrowableOfType(UnavailableException.class, () -> client.getDevice("emulator-5554"));
    catchThrowableOfType(UnavailableException.class, () -> client.getDevice("emulator-5554"));
    client.getDevice("emulator-5554"); // 2 of 4 failed: 50 %, the breaker opens

    CircuitOpenException refused = catchThrowableOfType(CircuitOpenException.class, () -> client.getDevice("emulator-5554"));
    assertThat(refused.getMessage()).startsWith("CircuitBreaker 'towerline " + server.baseUrl() + "' is OPEN");
    assertThat(refused.retryAfter()).contains(Duration.ofSeconds(10));
    assertThat(refused.httpStatus()).isZero();
    assertThat(server.requests()).hasSize(4);

    time.sleeper().sleep(Duration.ofSeconds(4));
    assertThat(catchThrowableOfType(CircuitOpenException.class, client::listDevices).retryAfter())
        .contains(Duration.ofSeconds(6));

    time.sleeper().sleep(Duration.ofSeconds(6).plusMillis(1));
    server.enqueue(device(), device());
    client.getDevice("emulator-5554"); // the one trial call succeeds: closed again
    client.getDevice("emulator-5554");
    assertThat(server.requests()).hasSize(6);
  }

  @Test
  void countsClientErrorsAsAServerThatIsThere() {
    for (int i = 0; i < 6; i++) {
      server.enqueue(envelope(404, "DEVICE_NOT_FOUND", "No device", "{\"serial\":\"x\"}"));
    }
    for (int i = 0; i < 6; i++) {
      assertThatThrownBy(() -> client.getDevice("x")).isInstanceOf(NotFoundException.class);
    }
    assertThat(server.requests()).hasSize(6);
  }

  private static FaultServer.Respond device() {
    return FaultServer.json(200, Fixtures.DEVICE);
  }

  private static FaultServer.Respond unavailable() {
    return envelope(503, "DATABASE_UNAVAILABLE", "Database unavailable", "{}").withHeader("Retry-After", "1");
  }
}
