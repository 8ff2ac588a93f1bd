package dev.towerline.sdkit.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.towerline.adb.simulator.AdbSimulator;
import dev.towerline.adb.simulator.DeviceState;
import dev.towerline.client.BreakerPolicy;
import dev.towerline.client.FeedPolicy;
import dev.towerline.client.FeedState;
import dev.towerline.client.NewExecution;
import dev.towerline.client.RetryPolicy;
import dev.towerline.client.TowerlineClient;
import dev.towerline.protocol.DeviceUpdated;
import dev.towerline.protocol.Execution;
import dev.towerline.protocol.ExecutionUpdated;
import dev.towerline.protocol.Feed;
import dev.towerline.protocol.FeedEvent;
import dev.towerline.server.testing.RunningServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AC-409: SDK feed subscriptions against the real server process, which is restarted three times
 * (SIGTERM, start again on the same port and H2 file database). Devices change in the ADB
 * simulator and executions are created before, during and after each restart; the subscriptions
 * resume by themselves, and what their listeners received is exactly the server's event log after
 * their snapshots: nothing missed, nothing twice. Every frame is checked against the contract on
 * the way ({@link ValidatingRelay}).
 */
class FeedsAcrossRestartsTest {
  private static final int RESTARTS = 3;
  private static final int HEARTBEAT_SECONDS = 2;
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Set<String> FINAL = Set.of("succeeded", "failed", "cancelled", "timed_out", "error", "interrupted");

  @Test
  void feedsResumeAcrossThreeRestartsWithNoEventMissedOrDuplicated(@TempDir Path dataDir) throws Exception {
    try (AdbSimulator adb = AdbSimulator.demo(4).start();
        FixedPortServer server =
            FixedPortServer.start(
                Map.of("DATA_DIR", dataDir.toString(), "ADB_SERVER", "127.0.0.1:" + adb.port(), "LOG_FORMAT", "text",
                    "WS_HEARTBEAT_SECONDS", String.valueOf(HEARTBEAT_SECONDS)));
        ValidatingRelay relay = new ValidatingRelay(server.port(), RunningServer.CONTRACT);
        TowerlineClient rest = restClient(server);
        TowerlineClient feeds =
            TowerlineClient.builder()
                .baseUrl(relay.baseUrl())
                .feedPolicy(FeedPolicy.custom().initialBackoff(Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(2)).build())
                .build()) {
      DeliveredEvents<DeviceUpdated> devices = new DeliveredEvents<>();
      DeliveredEvents<FeedEvent> executions = new DeliveredEvents<>();
      feeds.watchDevices(devices);
      feeds.watchExecutions(null, executions);
      await("snapshots").atMost(WAIT).until(() -> devices.snapshots().size() == 1 && executions.snapshots().size() == 1);
      long devicesFrom = devices.snapshots().get(0).getSeq();
      long executionsFrom = executions.snapshots().get(0).getSeq();
      List<String> serials = adb.devices().stream().map(device -> device.serial()).toList();
      List<String> created = new ArrayList<>();

      for (int round = 1; round <= RESTARTS; round++) {
        // Executions run on the first device; the others go offline and back.
        String before = serials.get(1 + (round - 1) % (serials.size() - 1));
        String meanwhile = serials.get(1 + round % (serials.size() - 1));
        adb.setState(before, DeviceState.OFFLINE);
        created.add(rest.createExecution(serials.get(0), "echo before-restart-" + round).getId());
        await("round " + round + " events before the restart").atMost(WAIT)
            .until(() -> hasDeviceEvent(devices, before, "offline") && finished(executions, created));

        // Created while no server runs: the SDK retries it until the new one answers, with one idempotency key.
        List<CompletableFuture<Execution>> whileDown = new ArrayList<>();
        long stopping = System.nanoTime();
        server.restart(() -> {
          adb.setState(before, DeviceState.DEVICE);
          adb.setState(meanwhile, DeviceState.OFFLINE);
          whileDown.add(CompletableFuture.supplyAsync(
              () -> rest.createExecution(NewExecution.of(serials.get(0), "echo during-restart"))));
        });
        System.out.printf("AC-409 restart %d took %d ms%n", round, (System.nanoTime() - stopping) / 1_000_000);
        CompletableFuture<Execution> during = whileDown.get(0);
        created.add(during.join().getId());
        created.add(rest.createExecution(serials.get(0), "echo after-restart-" + round).getId());
        adb.setState(meanwhile, DeviceState.DEVICE);

        await("round " + round + " events after the restart").atMost(WAIT)
            .until(() -> hasDeviceEvent(devices, meanwhile, "online") && finished(executions, created)
                && matchesLog(rest, Feed.DEVICES, devicesFrom, devices) && matchesLog(rest, Feed.EXECUTIONS, executionsFrom, executions));
        System.out.printf("AC-409 restart %d: devices events delivered %d / expected %d, executions events delivered %d / expected %d, "
                + "WebSocket upgrades %d, failed reconnect attempts %d, frames checked against the contract %d%n",
            round, devices.seqs().size(), logSeqs(rest, Feed.DEVICES, devicesFrom).size(),
            executions.seqs().size(), logSeqs(rest, Feed.EXECUTIONS, executionsFrom).size(), relay.upgrades(),
            lostConnections(devices).size() + lostConnections(executions).size() - 2 * round, relay.framesChecked());
      }

      assertThat(devices.seqs()).doesNotHaveDuplicates().isSorted().isEqualTo(logSeqs(rest, Feed.DEVICES, devicesFrom));
      assertThat(executions.seqs()).doesNotHaveDuplicates().isSorted().isEqualTo(logSeqs(rest, Feed.EXECUTIONS, executionsFrom));
      assertThat(Set.copyOf(created)).as("one execution per logical create").hasSize(3 * RESTARTS);
      assertThat(devices.resyncs() + executions.resyncs()).as("resumed, never resynced").isZero();
      assertThat(devices.snapshots()).hasSize(1);
      // Heartbeats every 2 s: a pong the server did not take would have closed the feeds as silent peers.
      assertThat(lostConnections(devices)).noneMatch(reason -> reason.contains("silent"));
      assertThat(lostConnections(executions)).noneMatch(reason -> reason.contains("silent"));
      assertThat(relay.contractProblems()).isEmpty();
      assertThat(relay.framesChecked()).isGreaterThan(devices.seqs().size() + executions.seqs().size());
      assertThat(devices.states()).extracting(FeedState::phase).contains(FeedState.Phase.RECONNECTING)
          .last().isEqualTo(FeedState.Phase.LIVE);
    }
  }

  private static TowerlineClient restClient(FixedPortServer server) {
    // Keeps retrying a create through a restart; the breaker would refuse at once instead.
    return TowerlineClient.builder()
        .baseUrl(server.uri("/").toString())
        .retryPolicy(RetryPolicy.custom().maxAttempts(1000).initialBackoff(Duration.ofMillis(100))
            .maxBackoff(Duration.ofMillis(500)).maxTotalTime(WAIT).build())
        .breakerPolicy(BreakerPolicy.disabled())
        .build();
  }

  /** Why each connection of the subscription ended or could not be opened. */
  private static List<String> lostConnections(DeliveredEvents<?> delivered) {
    return delivered.states().stream()
        .filter(state -> state.phase() == FeedState.Phase.RECONNECTING)
        .map(state -> state.failure().map(Throwable::getMessage).orElse(""))
        .toList();
  }

  private static boolean hasDeviceEvent(DeliveredEvents<DeviceUpdated> devices, String serial, String state) {
    return devices.events().stream()
        .anyMatch(event -> event.getDevice().getSerial().equals(serial) && event.getDevice().getState().value().equals(state));
  }

  /** Every created execution's final status has been delivered on the feed. */
  private static boolean finished(DeliveredEvents<FeedEvent> executions, List<String> created) {
    Set<String> done = executions.events().stream()
        .filter(ExecutionUpdated.class::isInstance)
        .map(ExecutionUpdated.class::cast)
        .filter(event -> FINAL.contains(event.getExecution().getStatus().value()))
        .map(event -> event.getExecution().getId())
        .collect(Collectors.toSet());
    return done.containsAll(created);
  }

  private static boolean matchesLog(TowerlineClient rest, Feed feed, long from, DeliveredEvents<?> delivered) {
    return delivered.seqs().equals(logSeqs(rest, feed, from));
  }

  /** The seqs the server's event log holds after {@code from}: what a listener must have received. */
  private static List<Long> logSeqs(TowerlineClient rest, Feed feed, long from) {
    return rest.streamEvents(feed, from).map(FeedEvent::getSeq).toList();
  }
}
