package dev.towerline.server.adb;

import static org.awaitility.Awaitility.await;
import static dev.towerline.server.adb.SocketAdbClientTest.SLACK_MILLIS;
import static dev.towerline.server.adb.SocketAdbClientTest.millisSince;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.towerline.adb.simulator.AdbSimulator;
import dev.towerline.adb.simulator.VirtualDevice;
import dev.towerline.protocol.ErrorCode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResilientAdbGatewayTest {

  static final String SERIAL = "emulator-5554";
  static final String OTHER = "emulator-5556";
  static final Duration COOLDOWN = Duration.ofSeconds(30);

  private AdbSimulator sim;
  private final MutableClock clock = MutableClock.atTheEpochOfTheTests();
  private PrometheusMeterRegistry meters;
  private final CountDownLatch blockStarted = new CountDownLatch(1);
  private CountingGateway adb;
  private ResilientAdbGateway gateway;

  @BeforeEach
  void start() throws IOException {
    sim = AdbSimulator.builder()
        .device(VirtualDevice.builder(SERIAL).model("Pixel 7").batteryLevel(80).build())
        .device(VirtualDevice.builder(OTHER).model("Pixel 8").build())
        .command("block", (session, args) -> {
          session.out("started\n");
          blockStarted.countDown();
          session.sleep(Duration.ofSeconds(30));
          return 0;
        })
        .build()
        .start();
    gateway = gatewayWith(config().build(), clock);
  }

  @AfterEach
  void stop() {
    gateway.close();
    sim.close();
  }

  private AdbConfig.Builder config() {
    return SocketAdbClientTest.configFor(sim)
        .retryAttempts(3)
        .breakerFailures(3)
        .breakerCooldown(COOLDOWN)
        .retryBackoff(Duration.ofMillis(10), Duration.ofMillis(40));
  }

  private ResilientAdbGateway gatewayWith(AdbConfig config, Clock clock) {
    if (gateway != null) {
      gateway.close();
    }
    adb = new CountingGateway(new SocketAdbClient(config));
    // One registry per gateway, as in production: a second gateway's meters would be shadowed.
    meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    return new ResilientAdbGateway(adb, config, meters, clock);
  }

  private void openDeviceBreaker() {
    sim.faults().failNextCommands(SERIAL, 3);
    assertThatThrownBy(() -> gateway.properties(SERIAL))
        .isInstanceOf(AdbCommandFailedException.class);
    assertThat(gateway.device(SERIAL).state()).isEqualTo(LinkHealth.State.OPEN);
  }

  @Test
  void opensDeviceBreakerAfterThreeFailedCommands() {
    sim.faults().failNextCommands(SERIAL, 3);

    assertThatThrownBy(() -> gateway.properties(SERIAL))
        .isInstanceOf(AdbCommandFailedException.class)
        .hasMessage("ADB refused properties on device 'emulator-5554': closed");

    LinkHealth link = gateway.device(SERIAL);
    assertThat(adb.calls()).as("attempts that reached ADB").isEqualTo(3);
    assertThat(link.state()).isEqualTo(LinkHealth.State.OPEN);
    assertThat(link.consecutiveFailures()).isEqualTo(3);
    assertThat(link.lastFailureAt()).contains(clock.instant());
    assertThat(link.retryAfter()).contains(COOLDOWN);
    assertThat(link.lastError()).get().extracting(Throwable::getMessage)
        .isEqualTo("ADB refused properties on device 'emulator-5554': closed");
    assertThat(gateway.device(OTHER).state()).as("other devices keep their own breaker")
        .isEqualTo(LinkHealth.State.CLOSED);
    assertThat(gateway.properties(OTHER)).containsEntry("ro.product.model", "Pixel 8");
  }

  @Test
  void refusesAtOnceWhileBreakerIsOpen() {
    openDeviceBreaker();
    int callsBefore = adb.calls();
    clock.advance(Duration.ofSeconds(9));

    assertThatThrownBy(() -> gateway.shell(SERIAL, "echo hi",
        ShellOptions.ofTimeout(Duration.ofSeconds(5)), OutputSink.discarding()))
        .isInstanceOfSatisfying(AdbCircuitOpenException.class, refusal -> {
          assertThat(refusal.retryAfterSeconds()).isEqualTo(21);
          assertThat(refusal.errorCode()).isEqualTo(ErrorCode.DEVICE_CIRCUIT_OPEN);
          assertThat(refusal.breaker()).isEqualTo("device:emulator-5554");
          assertThat(refusal.details()).containsEntry("retry_after_seconds", 21L);
        })
        .hasMessage("ADB circuit breaker for device 'emulator-5554' is open; retry in 21 s");
    assertThatThrownBy(() -> gateway.batteryLevel(SERIAL))
        .isInstanceOf(AdbCircuitOpenException.class);
    assertThat(adb.calls()).as("refusals never reach ADB").isEqualTo(callsBefore);
  }

  @Test
  void recoversAfterCooldownWhenAdbIsHealthy() {
    openDeviceBreaker();

    clock.advance(COOLDOWN.plusSeconds(1));

    assertThat(gateway.batteryLevel(SERIAL)).isEqualTo(OptionalInt.of(80));
    LinkHealth link = gateway.device(SERIAL);
    assertThat(link.state()).isEqualTo(LinkHealth.State.CLOSED);
    assertThat(link.consecutiveFailures()).isZero();
    assertThat(link.retryAfter()).isEmpty();
    assertThat(link.lastError()).as("kept for operators").isPresent();
  }

  @Test
  void failedTrialAfterCooldownOpensTheBreakerAgain() {
    openDeviceBreaker();
    clock.advance(COOLDOWN.plusSeconds(1));
    sim.faults().failNextCommands(SERIAL, 1);

    // The trial's own failure is the answer; the breaker it reopened refuses the retry.
    assertThatThrownBy(() -> gateway.batteryLevel(SERIAL))
        .isInstanceOfSatisfying(AdbCommandFailedException.class, e -> assertThat(e.attempts()).isEqualTo(1));

    assertThat(gateway.device(SERIAL).state()).isEqualTo(LinkHealth.State.OPEN);
    assertThat(gateway.device(SERIAL).retryAfter()).contains(COOLDOWN);
  }

  @Test
  void goesHalfOpenByItselfAfterTheCooldown() {
    gateway = gatewayWith(config().breakerCooldown(Duration.ofMillis(200)).build(),
        Clock.systemUTC());
    openDeviceBreaker();

    await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(gateway.device(SERIAL).state()).isEqualTo(LinkHealth.State.HALF_OPEN));
    assertThat(gateway.properties(SERIAL)).isNotEmpty();
    assertThat(gateway.device(SERIAL).state()).isEqualTo(LinkHealth.State.CLOSED);
  }

  @Test
  void retriesTransientFailureWithBackoff() {
    gateway = gatewayWith(config().retryBackoff(Duration.ofMillis(100), Duration.ofMillis(400))
        .build(), clock);
    sim.faults().failNextCommands(SERIAL, 2);
    long started = System.nanoTime();

    Map<String, String> properties = gateway.properties(SERIAL);

    assertThat(properties).containsEntry("ro.product.model", "Pixel 7");
    assertThat(adb.calls()).isEqualTo(3);
    // Waits of 100 ms then 200 ms, each at least half that with the ±50% jitter.
    assertThat(millisSince(started)).isGreaterThanOrEqualTo(150);
    assertThat(meters.get("resilience4j.retry.calls").tag("kind", "successful_with_retry")
        .functionCounter().count()).isEqualTo(1);
    assertThat(gateway.device(SERIAL).state()).isEqualTo(LinkHealth.State.CLOSED);
    assertThat(gateway.device(SERIAL).consecutiveFailures()).isZero();
  }

  @Test
  void doesNotRetryWhatCannotSucceed() {
    assertThatThrownBy(() -> gateway.properties("unplugged"))
        .isInstanceOf(AdbDeviceNotFoundException.class);
    assertThat(adb.calls()).as("device not found").isEqualTo(1);

    sim.faults().revokeAuthorization(OTHER);
    assertThatThrownBy(() -> gateway.properties(OTHER))
        .isInstanceOf(AdbCommandFailedException.class)
        .hasMessageContaining("device unauthorized");
    assertThat(adb.calls()).as("refused with a reason").isEqualTo(2);
  }

  @Test
  void retriesAShellCommandWhoseStartAdbRefusedAndSucceedsOnTheSecondAttempt() {
    sim.faults().failNextCommands(SERIAL, 1, "device busy");
    StringBuilder out = new StringBuilder();

    ShellResult result = gateway.shell(SERIAL, "echo hi", ShellOptions.ofTimeout(Duration.ofSeconds(5)),
        OutputSink.collecting(out, new StringBuilder()));

    assertThat(result.exitCode()).hasValue(0);
    assertThat(out).hasToString("hi\n");
    assertThat(sim.faults().commandsReceived(SERIAL)).as("shell requests ADB saw").isEqualTo(2);
    assertThat(gateway.device(SERIAL).consecutiveFailures()).isZero();
  }

  @Test
  void oneShellCommandRefusedOnEveryAttemptOpensTheDeviceBreaker() {
    sim.faults().failNextCommands(SERIAL, 3, "device busy");

    assertThatThrownBy(() -> gateway.shell(SERIAL, "echo hi", ShellOptions.ofTimeout(Duration.ofSeconds(5)),
        OutputSink.discarding()))
        .isInstanceOfSatisfying(AdbCommandFailedException.class, e -> {
          assertThat(e.attempts()).isEqualTo(3);
          assertThat(e.errorCode()).isEqualTo(ErrorCode.ADB_COMMAND_FAILED);
          assertThat(e.details()).containsEntry("attempts", 3).containsEntry("serial", SERIAL);
        })
        .hasMessage("ADB refused shell on device 'emulator-5554': device busy");
    assertThat(sim.faults().commandsReceived(SERIAL)).isEqualTo(3);
    assertThat(gateway.device(SERIAL).state()).isEqualTo(LinkHealth.State.OPEN);
  }

  @Test
  void aCallWhoseFailuresOpenTheBreakerReportsAdbsLastAnswerNotTheRefusal() {
    gateway = gatewayWith(config().breakerFailures(2).build(), clock);
    sim.faults().failNextCommands(SERIAL, 3, "device busy");

    assertThatThrownBy(() -> gateway.shell(SERIAL, "echo hi", ShellOptions.ofTimeout(Duration.ofSeconds(5)),
        OutputSink.discarding()))
        .isInstanceOfSatisfying(AdbCommandFailedException.class, e -> assertThat(e.attempts()).isEqualTo(2));
    assertThat(sim.faults().commandsReceived(SERIAL)).as("the third try was refused by the breaker").isEqualTo(2);
    assertThat(gateway.device(SERIAL).state()).isEqualTo(LinkHealth.State.OPEN);
  }

  @Test
  void permanentRefusalsToStartAShellCommandAreTriedOnce() {
    for (String reason : List.of("device offline", "device unauthorized.\nCheck for a confirmation dialog")) {
      int before = sim.faults().commandsReceived(SERIAL);
      sim.faults().failNextCommands(SERIAL, 1, reason);

      assertThatThrownBy(() -> gateway.shell(SERIAL, "echo hi", ShellOptions.ofTimeout(Duration.ofSeconds(5)),
          OutputSink.discarding()))
          .isInstanceOfSatisfying(AdbCommandFailedException.class, e -> assertThat(e.transientFailure()).isFalse());
      assertThat(sim.faults().commandsReceived(SERIAL)).as(reason).isEqualTo(before + 1);
    }
    sim.faults().failNextCommands(SERIAL, 1, "device '" + SERIAL + "' not found");
    assertThatThrownBy(() -> gateway.shell(SERIAL, "echo hi", ShellOptions.ofTimeout(Duration.ofSeconds(5)),
        OutputSink.discarding()))
        .isInstanceOfSatisfying(AdbDeviceNotFoundException.class, e -> assertThat(e.attempts()).isEqualTo(1));
    assertThat(sim.faults().commandsReceived(SERIAL)).isEqualTo(3);
  }

  @Test
  void neverRetriesACommandThatAlreadyStarted() throws Exception {
    CompletableFuture<ShellResult> running = CompletableFuture.supplyAsync(() -> gateway.shell(
        SERIAL, "block", ShellOptions.ofTimeout(Duration.ofSeconds(20)), OutputSink.discarding()));
    assertThat(blockStarted.await(2, TimeUnit.SECONDS)).isTrue();

    sim.faults().takeOffline(SERIAL);

    assertThatThrownBy(() -> running.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(AdbCommandFailedException.class, e -> {
          assertThat(e.commandStarted()).isTrue();
          assertThat(e.errorCode()).isEqualTo(ErrorCode.DEVICE_DISCONNECTED);
        });
    assertThat(adb.calls()).isEqualTo(1);
  }

  @Test
  void hangingAdbNeverHoldsCallerBeyondItsLimit() {
    gateway = gatewayWith(config().callTimeout(Duration.ofMillis(300)).build(), clock);
    sim.faults().hang(Duration.ofSeconds(30));
    List<Runnable> calls = List.of(
        gateway::serverVersion,
        gateway::devices,
        () -> gateway.properties(SERIAL),
        () -> gateway.batteryLevel(OTHER),
        () -> gateway.shell(OTHER, "true", ShellOptions.ofTimeout(Duration.ofSeconds(20)),
            OutputSink.discarding()));

    for (Runnable call : calls) {
      long started = System.nanoTime();
      assertThatThrownBy(call::run).isInstanceOf(AdbTimeoutException.class);
      assertThat(millisSince(started)).isLessThan(300 + SLACK_MILLIS);
    }
  }

  @Test
  void timeLimitFreesTheCallerEvenWhenTheCallItselfNeverReturns() {
    AdbConfig config = config().callTimeout(Duration.ofMillis(200)).build();
    AdbGateway stuck = new CountingGateway(new SocketAdbClient(config)) {
      @Override
      public Map<String, String> properties(String serial) {
        try {
          Thread.sleep(10_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return Map.of();
      }
    };
    try (ResilientAdbGateway limited = new ResilientAdbGateway(stuck, config, meters, clock)) {
      long started = System.nanoTime();

      assertThatThrownBy(() -> limited.properties(SERIAL))
          .isInstanceOf(AdbTimeoutException.class)
          .hasMessage("ADB did not complete properties for device 'emulator-5554' within 200 ms");
      assertThat(millisSince(started)).isLessThan(200 + SLACK_MILLIS);
    }
  }

  @Test
  void opensServerBreakerWhenAdbServerIsDown() {
    sim.stop();

    assertThatThrownBy(gateway::serverVersion)
        .isInstanceOf(AdbServerUnavailableException.class);
    assertThat(adb.calls()).as("retried: the server may be restarting").isEqualTo(3);
    assertThat(gateway.server().state()).isEqualTo(LinkHealth.State.OPEN);

    assertThatThrownBy(() -> gateway.properties(SERIAL))
        .isInstanceOfSatisfying(AdbCircuitOpenException.class, refusal -> {
          assertThat(refusal.errorCode()).isEqualTo(ErrorCode.ADB_UNAVAILABLE);
          assertThat(refusal.serial()).isEmpty();
        })
        .hasMessage("ADB circuit breaker for ADB server 127.0.0.1:" + sim.port()
            + " is open; retry in 30 s");
    assertThat(adb.calls()).isEqualTo(3);
    assertThat(gateway.device(SERIAL).state()).as("not the device's fault")
        .isEqualTo(LinkHealth.State.CLOSED);
  }

  @Test
  void trackingReconnectionClosesTheServerBreaker() throws IOException {
    sim.stop();
    assertThatThrownBy(gateway::devices).isInstanceOf(AdbServerUnavailableException.class);
    assertThat(gateway.server().state()).isEqualTo(LinkHealth.State.OPEN);
    sim.start();

    try (DeviceTracking tracking = gateway.track(new TrackListener() {
      @Override
      public void devicesChanged(List<AdbDevice> devices) {}

      @Override
      public void disconnected(AdbException cause) {}
    })) {
      assertThat(tracking.isOpen()).isTrue();
    }

    assertThat(gateway.server().state()).isEqualTo(LinkHealth.State.CLOSED);
    assertThat(gateway.devices()).hasSize(2);
  }

  @Test
  void breakerTransitionsAndFailuresAreToldToLinkListeners() {
    List<String> seen = new CopyOnWriteArrayList<>();
    gateway.addListener((serial, health) ->
        seen.add(serial + " " + health.state() + " " + health.consecutiveFailures()));

    openDeviceBreaker();

    assertThat(seen).containsSubsequence("emulator-5554 CLOSED 1", "emulator-5554 CLOSED 2",
        "emulator-5554 OPEN 3");
  }

  @Test
  void publishesCallLatencyFailuresAndBreakerStatesAsPrometheusMetrics() {
    gateway.serverVersion();
    openDeviceBreaker();

    String scrape = meters.scrape();

    assertThat(scrape)
        .contains("towerline_adb_calls_seconds_bucket{operation=\"version\",outcome=\"success\","
            + "le=\"0.005\"}")
        .contains("towerline_adb_calls_seconds_count{operation=\"properties\","
            + "outcome=\"command_failed\"} 1")
        .contains("towerline_adb_failures_total{operation=\"properties\","
            + "outcome=\"command_failed\"} 3.0")
        .contains("towerline_adb_breaker_transitions_total{breaker=\"device\","
            + "from_state=\"closed\",to_state=\"open\"} 1.0")
        .contains("resilience4j_circuitbreaker_state{name=\"device:emulator-5554\","
            + "state=\"open\"} 1.0")
        .contains("resilience4j_circuitbreaker_state{name=\"adb-server\",state=\"closed\"} 1.0");
  }

  @Test
  void logsEachBreakerTransitionAsOneStructuredLine() {
    try (LogCapture logs = new LogCapture(ResilientAdbGateway.class)) {
      openDeviceBreaker();

      assertThat(logs.jsonLinesContaining("circuit breaker for device 'emulator-5554' opened"))
          .singleElement().asString()
          .contains("\"level\":\"WARN\"", "\"serial\":\"emulator-5554\"",
              "\"from_state\":\"closed\"", "\"to_state\":\"open\"",
              "\"adb_server\":\"127.0.0.1:" + sim.port() + "\"");
    }
  }
}
