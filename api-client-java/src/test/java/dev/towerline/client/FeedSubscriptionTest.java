package dev.towerline.client;

import static dev.towerline.client.FeedFrames.ack;
import static dev.towerline.client.FeedFrames.deviceUpdated;
import static dev.towerline.client.FeedFrames.devicesSnapshot;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.protocol.DeviceState;
import dev.towerline.protocol.DeviceUpdated;
import dev.towerline.protocol.ExecutionOutputChunk;
import dev.towerline.protocol.ExecutionUpdated;
import dev.towerline.protocol.FeedEvent;
import dev.towerline.protocol.ResyncRequired;
import dev.towerline.protocol.Snapshot;
import dev.towerline.protocol.Stats;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A feed subscription against a scripted WebSocket server: delivery, resume, resync, heartbeats. */
class FeedSubscriptionTest {

  private final FeedServer server;
  private final Fixtures.FakeTime time = new Fixtures.FakeTime();
  private final TowerlineClient client;

  FeedSubscriptionTest() throws IOException {
    server = new FeedServer();
    client =
        TowerlineClient.builder()
            .baseUrl(server.baseUrl())
            .bearerToken("s3cret-token")
            .clock(time)
            .sleeper(time.sleeper())
            .build();
  }

  @AfterEach
  void tearDown() throws IOException {
    client.close();
    server.close();
    assertThat(server.contractProblems()).isEmpty();
  }

  @Test
  void deliversTheSnapshotThenEachEventInSeqOrderOnOneThread() throws Exception {
    FeedRecorder<DeviceUpdated> recorder = new FeedRecorder<>();
    FeedSubscription feed = client.watchDevices(recorder);

    FeedServer.Connection connection = server.awaitConnection();
    assertThat(connection.target()).isEqualTo("/api/v1/ws/devices");
    assertThat(connection.header("Authorization")).isEqualTo("Bearer s3cret-token");
    assertThat(connection.header("User-Agent")).isEqualTo(TowerlineClient.DEFAULT_USER_AGENT);
    connection.send(ack("devices", 30)).send(devicesSnapshot(10, "emulator-5554", "R58M123ABC"))
        .send(deviceUpdated(11, "emulator-5554", "busy")).send(deviceUpdated(12, "emulator-5554", "online"));

    Snapshot snapshot = recorder.assertNextSnapshot(10);
    assertThat(snapshot.getDevices()).extracting(d -> d.getSerial()).containsExactly("emulator-5554", "R58M123ABC");
    assertThat(recorder.assertNextEvent(11).getDevice().getState()).isEqualTo(DeviceState.BUSY);
    recorder.assertNextEvent(12);
    recorder.assertExhausted();
    assertThat(feed.lastSeq()).hasValue(12);
    assertThat(feed.state().phase()).isEqualTo(FeedState.Phase.LIVE);
    assertThat(recorder.states()).extracting(FeedState::phase).startsWith(FeedState.Phase.CONNECTING, FeedState.Phase.LIVE);
    assertThat(recorder.callbackThreads()).hasSize(1).allMatch(name -> name.startsWith("towerline-sdk-feed-devices-"));
  }

  @Test
  void reconnectsAtOnceAfterARestartCloseResumingFromTheLastSeq() throws Exception { // AC-406
    FeedRecorder<DeviceUpdated> recorder = new FeedRecorder<>();
    client.watchDevices(recorder);
    FeedServer.Connection first = server.awaitConnection();
    first.send(ack("devices", 30)).send(devicesSnapshot(10, "emulator-5554")).send(deviceUpdated(11, "emulator-5554", "busy"));
    recorder.assertNextSnapshot(10);
    recorder.assertNextEvent(11);

    first.close(1012, "server restarting; reconnect with since");

    FeedServer.Connection second = server.awaitConnection();
    assertThat(second.target()).isEqualTo("/api/v1/ws/devices?since=11");
    assertThat(first.clientCloseCode()).as("the client answered the close").isEqualTo(1012);
    assertThat(time.sleeps).containsExactly(Duration.ZERO);
    assertThat(recorder.awaitPhase(FeedState.Phase.RECONNECTING).retryIn()).contains(Duration.ZERO);
    second.send(ack("devices", 30)).send(deviceUpdated(12, "emulator-5554", "online"));
    recorder.assertNextEvent(12);
    recorder.assertExhausted();
  }

  @Test
  void goingAwayCloseAlsoReconnectsAtOnceButALaterFailureBacksOff() throws Exception {
    FeedRecorder<DeviceUpdated> recorder = new FeedRecorder<>();
    client.watchDevices(recorder);
    FeedServer.Connection first = server.awaitConnection();
    first.send(ack("devices", 30)).send(devicesSnapshot(3));
    recorder.assertNextSnapshot(3);

    first.close(1001, "going away");
    FeedServer.Connection second = server.awaitConnection();
    second.drop();
    FeedServer.Connection third = server.awaitConnection();

    assertThat(third.target()).endsWith("?since=3");
    assertThat(time.sleeps).hasSize(2);
    assertThat(time.sleeps.get(0)).isZero();
    assertThat(time.sleeps.get(1)).isBetween(Duration.ZERO, client.feedPolicy().reconnectCeiling(1));
  }

  @Test
  void whileARestartingServerIsAwayNoWaitExceedsTheRestartBackoff() throws Exception {
    FeedRecorder<DeviceUpdated> recorder = new FeedRecorder<>();
    client.watchDevices(recorder);
    FeedServer.Connection first = server.awaitConnection();
    first.send(ack("devices", 30)).send(devicesSnapshot(7));
    recorder.assertNextSnapshot(7);
    int refusals = 8; // the usual ceiling of the 8th attempt is 128 s
    for (int i = 0; i < refusals; i++) {
      server.refuseNext(503, FeedFrames.envelope("SERVICE_UNAVAILABLE", "Starting"));
    }

    first.close(1012, "server restarting; reconnect with since");
    FeedServer.Connection back = server.awaitConnection();

    assertThat(back.target()).endsWith("?since=7");
    FeedPolicy policy = client.feedPolicy();
    assertThat(policy.reconnectCeiling(refusals)).isGreaterThan(policy.restartBackoff());
    assertThat(time.sleeps).hasSize(refusals + 1);
    assertThat(time.sleeps.get(0)).isZero();
    assertThat(time.sleeps.subList(1, time.sleeps.size())).allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(policy.restartBackoff()));
  }

  @Test
  void pastTheRestartWindowTheUsualBackoffResumes() throws Exception {
    client.close();
    FeedPolicy policy = FeedPolicy.custom().restartWindow(Duration.ZERO).build();
    try (TowerlineClient impatient =
        TowerlineClient.builder().baseUrl(server.baseUrl()).feedPolicy(policy).clock(time).sleeper(time.sleeper()).build()) {
      FeedRecorder<DeviceUpdated> recorder = new FeedRecorder<>();
      impatient.watchDevices(recorder);
      FeedServer.Connection first = server.awaitConnection();
      first.send(ack("devices", 30)).send(devicesSnapshot(7));
      recorder.assertNextSnapshot(7);
      for (int i = 0; i < 12; i++) {
        server.refuseNext(503, FeedFrames.envelope("SERVICE_UNAVAILABLE", "Starting"));
      }

      first.close(1012, "server restarting; reconnect with since");
      server.awaitConnection();

      // Twelve full-jitter waits under ceilings of 1 s … 256 s do not all stay within 2 s.
      assertThat(time.sleeps.subList(1, time.sleeps.size())).anySatisfy(wait -> assertThat(wait).isGreaterThan(policy.restartBackoff()));
    }
  }

  @Test
  void resyncHandsTheFreshSnapshotToItsOwnCallbackThenEventsContinueOnce() throws Exception { // AC-407
    FeedRecorder<DeviceUpdated> recorder = new FeedRecorder<>();
    client.watchDevices(recorder);
    FeedServer.Connection first = server.awaitConnection();
    first.send(ack("devices", 30)).send(devicesSnapshot(10, "emulator-5554")).send(deviceUpdated(11, "emulator-5554", "busy"));
    recorder.assertNextSnapshot(10);
    recorder.assertNextEvent(11);
    first.drop();

    FeedServer.Connection second = server.awaitConnection();
    assertThat(second.target()).endsWith("?since=11");
    second.send(ack("devices", 30))
        .send(FeedFrames.resyncRequired("devices", 11, 40, 50, "too_old"))
        .send(devicesSnapshot(50, "emulator-5554", "R58M123ABC"))
        .send(deviceUpdated(50, "emulator-5554", "busy")) // already in the snapshot
        .send(deviceUpdated(51, "R58M123ABC", "offline"));

    FeedRecorder.Resync resync = recorder.assertNextResync(50);
    assertThat(resync.reason().getReason()).isEqualTo(ResyncRequired.Reason.TOO_OLD);
    assertThat(resync.snapshot().getDevices()).hasSize(2);
    recorder.assertNextEvent(51);
    recorder.assertExhausted();
    recorder.awaitPhase(FeedState.Phase.RESYNCED);
  }

  @Test
  void resyncAheadOfTheLogCountsAgainFromTheNewSnapshot() throws Exception {
    FeedRecorder<DeviceUpdated> recorder = new FeedRecorder<>();
    FeedSubscription feed = client.watchDevices(recorder);
    FeedServer.Connection first = server.awaitConnection();
    first.send(ack("devices", 30)).send(devicesSnapshot(90, "emulator-5554"));
    recorder.assertNextSnapshot(90);
    first.drop();

    // The server's database was replaced: its log is behind the client's seq.
    server.awaitConnection().send(ack("devices", 30))
        .send(FeedFrames.resyncRequired("devices", 90, 0, 2, "ahead_of_log"))
        .send(devicesSnapshot(2, "emulator-5554"))
        .send(deviceUpdated(3, "emulator-5554", "busy"));

    recorder.assertNextResync(2);
    recorder.assertNextEvent(3);
    assertThat(feed.lastSeq()).hasValue(3);
  }

  @Test
  void dropsDuplicateAndOutOfOrderSeqsIncludingAResumeOverlap() throws Exception {
    FeedRecorder<DeviceUpdated> recorder = new FeedRecorder<>();
    client.watchDevices(recorder);
    FeedServer.Connection first = server.awaitConnection();
    first.send(ack("devices", 30)).send(devicesSnapshot(10))
        .send(deviceUpdated(11, "a", "busy")).send(deviceUpdated(11, "a", "busy"))
        .send(deviceUpdated(9, "a", "offline")).send(deviceUpdated(12, "a", "online"));
    recorder.assertNextSnapshot(10);
    recorder.assertNextEvent(11);
    recorder.assertNextEvent(12);
    first.drop();

    FeedServer.Connection second = server.awaitConnection();
    assertThat(second.target()).endsWith("?since=12");
    second.send(ack("devices", 30)).send(deviceUpdated(11, "a", "busy")).send(deviceUpdated(12, "a", "online"))
        .send(deviceUpdated(13, "a", "busy"));
    recorder.assertNextEvent(13);
    recorder.assertExhausted();
  }

  @Test
  void aGapInAnUnfilteredFeedIsFilledByResumingFromTheLastSeq() throws Exception {
    FeedRecorder<DeviceUpdated> recorder = new FeedRecorder<>();
    client.watchDevices(recorder);
    FeedServer.Connection first = server.awaitConnection();
    first.send(ack("devices", 30)).send(devicesSnapshot(10)).send(deviceUpdated(11, "a", "busy")).send(deviceUpdated(13, "a", "busy"));
    recorder.assertNextSnapshot(10);
    recorder.assertNextEvent(11);

    FeedServer.Connection second = server.awaitConnection();
    assertThat(second.target()).endsWith("?since=11");
    assertThat(time.sleeps).containsExactly(Duration.ZERO);
    second.send(ack("devices", 30)).send(deviceUpdated(12, "a", "online")).send(deviceUpdated(13, "a", "busy"));
    recorder.assertNextEvent(12);
    recorder.assertNextEvent(13);
    recorder.assertExhausted();
  }

  @Test
  void aSilentServerIsDroppedAfterTwoHeartbeatIntervalsAndReplaced() throws Exception { // AC-408
    FeedRecorder<DeviceUpdated> recorder = new FeedRecorder<>();
    client.watchDevices(recorder);
    FeedServer.Connection first = server.awaitConnection();
    first.send(ack("devices", 30)).send(devicesSnapshot(5));
    recorder.assertNextSnapshot(5);

    time.advance(Duration.ofSeconds(59));
    assertThat(server.noConnectionWithin(Duration.ofMillis(600))).as("still within two intervals").isTrue();
    time.advance(Duration.ofSeconds(2));

    assertThat(first.awaitEnded(Duration.ofSeconds(5))).as("silent socket closed").isTrue();
    FeedServer.Connection second = server.awaitConnection();
    assertThat(second.target()).endsWith("?since=5");
    assertThat(recorder.awaitPhase(FeedState.Phase.RECONNECTING).failure()).get()
        .isInstanceOf(TowerlineTransportException.class)
        .extracting(Throwable::getMessage).asString().contains("silent");
  }

  @Test
  void heartbeatsKeepAConnectionThatWouldOtherwiseCountAsSilent() throws Exception {
    FeedRecorder<DeviceUpdated> recorder = new FeedRecorder<>();
    client.watchDevices(recorder);
    FeedServer.Connection connection = server.awaitConnection();
    connection.send(ack("devices", 30)).send(devicesSnapshot(5));
    recorder.assertNextSnapshot(5);

    for (int beat = 0; beat < 4; beat++) {
      time.advance(Duration.ofSeconds(30));
      connection.send(FeedFrames.ping("hb-" + beat));
      connection.awaitText();
    }

    assertThat(server.noConnectionWithin(Duration.ofMillis(600))).isTrue();
    assertThat(server.handshakes()).hasSize(1);
  }

  @Test
  void answersTheServersPingWithAPongEchoingItsNonce() throws Exception {
    FeedRecorder<DeviceUpdated> recorder = new FeedRecorder<>();
    client.watchDevices(recorder);
    FeedServer.Connection connection = server.awaitConnection();
    connection.send(ack("devices", 30)).send(devicesSnapshot(1)).send(FeedFrames.ping("hb-1201"));

    JsonNode pong = new ObjectMapper().readTree(connection.awaitText());

    assertThat(pong.path("type").asText()).isEqualTo("pong");
    assertThat(pong.path("nonce").asText()).isEqualTo("hb-1201");
    assertThat(java.time.OffsetDateTime.parse(pong.path("ts").asText()).toInstant()).isEqualTo(time.instant());
  }

  @Test
  void ignoresFrameTypesAndFieldsItDoesNotKnowAsAGrowingContractAsks() throws Exception {
    FeedRecorder<DeviceUpdated> recorder = new FeedRecorder<>();
    client.watchDevices(recorder);
    server.awaitConnection().send(ack("devices", 30)).send(devicesSnapshot(1))
        .sendUnchecked("{\"type\":\"device.retired\",\"seq\":2,\"ts\":\"" + FeedFrames.TS + "\",\"serial\":\"a\"}")
        .sendUnchecked("not json at all")
        .sendUnchecked(deviceUpdated(2, "a", "busy").replace("{\"type\"", "{\"priority\":\"high\",\"type\""));

    recorder.assertNextSnapshot(1);
    assertThat(recorder.assertNextEvent(2).getDevice().getSerial()).isEqualTo("a");
    recorder.assertExhausted();
    assertThat(server.handshakes()).hasSize(1);
  }

  @Test
  void refusesToWatchOnAClosedClient() {
    client.close();

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.watchDevices(event -> {}))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("is closed");
  }

  @Test
  void aThrowingListenerIsLoggedAndTheFeedGoesOn() throws Exception {
    FeedRecorder<DeviceUpdated> recorder = new FeedRecorder<DeviceUpdated>().failingOn(event -> event.getSeq() == 2);
    client.watchDevices(recorder);
    server.awaitConnection().send(ack("devices", 30)).send(devicesSnapshot(1))
        .send(deviceUpdated(2, "a", "busy")).send(deviceUpdated(3, "a", "online"));

    recorder.assertNextSnapshot(1);
    recorder.assertNextEvent(2);
    recorder.assertNextEvent(3);
    assertThat(server.handshakes()).hasSize(1);
  }

  @Test
  void aRefusedHandshake401StopsAndReportsNotAuthorized() throws Exception {
    server.refuseNext(401, FeedFrames.envelope("UNAUTHENTICATED", "Bearer token required"));
    FeedRecorder<DeviceUpdated> recorder = new FeedRecorder<>();
    FeedSubscription feed = client.watchDevices(recorder);

    FeedState failed = recorder.awaitPhase(FeedState.Phase.FAILED);

    assertThat(failed.failure()).get().isInstanceOf(NotAuthorizedException.class)
        .extracting(TowerlineException::httpStatus).isEqualTo(401);
    assertThat(failed.failure().get().errorCode()).contains("UNAUTHENTICATED");
    assertThat(server.noConnectionWithin(Duration.ofMillis(500))).isTrue();
    assertThat(server.handshakes()).hasSize(1);
    assertThat(feed.state().phase()).isEqualTo(FeedState.Phase.FAILED);
    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void aRefusedHandshake503IsRetriedWithBackoff() throws Exception {
    server.refuseNext(503, FeedFrames.envelope("SERVICE_UNAVAILABLE", "Starting"));
    FeedRecorder<DeviceUpdated> recorder = new FeedRecorder<>();
    client.watchDevices(recorder);

    server.awaitConnection().send(ack("devices", 30)).send(devicesSnapshot(1));

    recorder.assertNextSnapshot(1);
    assertThat(recorder.awaitPhase(FeedState.Phase.RECONNECTING).failure()).get()
        .isInstanceOf(UnavailableException.class).extracting(TowerlineException::httpStatus).isEqualTo(503);
    assertThat(time.sleeps).hasSize(1);
    assertThat(time.sleeps.get(0)).isLessThanOrEqualTo(FeedPolicy.DEFAULT_INITIAL_BACKOFF);
  }

  @Test
  void aPolicyViolationCloseStopsTheFeedInsteadOfRepeatingIt() throws Exception {
    FeedRecorder<DeviceUpdated> recorder = new FeedRecorder<>();
    client.watchDevices(recorder);
    FeedServer.Connection connection = server.awaitConnection();
    connection.send(ack("devices", 30)).send(devicesSnapshot(1));
    recorder.assertNextSnapshot(1);

    connection.close(1008, "repeated invalid frames");

    assertThat(recorder.awaitPhase(FeedState.Phase.FAILED).failure()).get().extracting(Throwable::getMessage)
        .asString().contains("1008");
    assertThat(server.noConnectionWithin(Duration.ofMillis(500))).isTrue();
  }

  @Test
  void executionsFilterGoesInTheQueryAndItsSeqGapsAreNormal() throws Exception {
    FeedRecorder<FeedEvent> recorder = new FeedRecorder<>();
    client.watchExecutions(ExecutionFilter.all().withExecutionId("ex_01JD4Z8Q2M7W").withDeviceSerial("emulator 5554"), recorder);
    FeedServer.Connection connection = server.awaitConnection();
    assertThat(connection.target()).isEqualTo("/api/v1/ws/executions?execution_id=ex_01JD4Z8Q2M7W&device_serial=emulator%205554");
    connection.send(ack("executions", 30)).send(FeedFrames.executionsSnapshot(1040))
        .send(FeedFrames.executionUpdated(1042, "running")).send(FeedFrames.executionOutput(1045, 0, "ok\\n"));

    assertThat(recorder.assertNextSnapshot(1040).getExecutions()).hasSize(1);
    assertThat(recorder.assertNextEvent(1042)).isInstanceOf(ExecutionUpdated.class);
    assertThat(((ExecutionOutputChunk) recorder.assertNextEvent(1045)).getData()).isEqualTo("ok\n");
    assertThat(server.handshakes()).hasSize(1);
  }

  @Test
  void dashboardDeliversTypedStats() throws Exception {
    FeedRecorder<Stats> recorder = new FeedRecorder<>();
    client.watchDashboard(recorder);
    FeedServer.Connection connection = server.awaitConnection();
    assertThat(connection.target()).isEqualTo("/api/v1/ws/dashboard");
    connection.send(ack("dashboard", 5)).send(FeedFrames.dashboardSnapshot(88)).send(FeedFrames.stats(89));

    assertThat(recorder.assertNextSnapshot(88).getStats().getOpenBreakers()).isEqualTo(1);
    assertThat(recorder.assertNextEvent(89).getStats().getConnectedClients()).isEqualTo(4);
  }

  @Test
  void closeSendsANormalCloseEndsTheThreadAndStopsTheListener() throws Exception {
    FeedRecorder<DeviceUpdated> recorder = new FeedRecorder<>();
    FeedSubscription feed = client.watchDevices(recorder);
    FeedServer.Connection connection = server.awaitConnection();
    connection.send(ack("devices", 30)).send(devicesSnapshot(1));
    recorder.assertNextSnapshot(1);

    feed.close();
    feed.close();

    assertThat(connection.awaitEnded(Duration.ofSeconds(5))).isTrue();
    assertThat(connection.clientCloseCode()).isEqualTo(1000);
    assertThat(feed.state().phase()).isEqualTo(FeedState.Phase.CLOSED);
    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> recorder.callbackThreads().contains(t.getName()) && t.isAlive());
    assertThat(server.noConnectionWithin(Duration.ofMillis(300))).isTrue();
    recorder.assertExhausted();
  }

  @Test
  void aListenerMayCloseItsSubscriptionFromACallback() throws Exception {
    java.util.concurrent.atomic.AtomicReference<FeedSubscription> self = new java.util.concurrent.atomic.AtomicReference<>();
    java.util.List<Long> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
    FeedSubscription feed = client.watchDevices(new FeedListener<DeviceUpdated>() {
      @Override public void onEvent(DeviceUpdated event) {
        seen.add(event.getSeq());
        self.get().close();
      }
      @Override public void onStateChange(FeedState state) {
        if (state.phase() == FeedState.Phase.CLOSED) {
          closed.countDown();
        }
      }
    });
    self.set(feed);
    FeedServer.Connection connection = server.awaitConnection();
    // One write: seq 3 has arrived before the listener closes on seq 2, and a separate send of it
    // would race the connection's end.
    connection.sendTogether(ack("devices", 30), devicesSnapshot(1), deviceUpdated(2, "a", "busy"), deviceUpdated(3, "a", "online"));

    assertThat(closed.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(seen).containsExactly(2L);
    assertThat(connection.awaitEnded(Duration.ofSeconds(5))).isTrue();
    assertThat(server.noConnectionWithin(Duration.ofMillis(300))).isTrue();
  }

  @Test
  void theClientsCloseClosesItsSubscriptions() throws Exception {
    FeedRecorder<DeviceUpdated> recorder = new FeedRecorder<>();
    FeedSubscription feed = client.watchDevices(recorder);
    server.awaitConnection().send(ack("devices", 30)).send(devicesSnapshot(1));
    recorder.assertNextSnapshot(1);

    client.close();

    assertThat(feed.state().phase()).isEqualTo(FeedState.Phase.CLOSED);
    assertThat(recorder.states().get(recorder.states().size() - 1).phase()).isEqualTo(FeedState.Phase.CLOSED);
  }
}
