package dev.towerline.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.towerline.protocol.DeviceUpdated;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AC-405: reconnect delays against an unreachable server, on a fake clock. */
class FeedBackoffTest {

  @Test
  void reconnectDelaysGrowExponentiallyWithFullJitterAndNeverExceedTheFiveMinuteCap() throws Exception {
    List<Duration> delays = delaysAgainstNoServer(FeedPolicy.ofDefaults(), 16);
    FeedPolicy policy = FeedPolicy.ofDefaults();

    for (int attempt = 1; attempt <= delays.size(); attempt++) {
      assertThat(delays.get(attempt - 1)).as("wait before attempt %d", attempt)
          .isBetween(Duration.ZERO, policy.reconnectCeiling(attempt))
          .isLessThanOrEqualTo(Duration.ofMinutes(5));
    }
    // Full jitter: waits are spread below their ceilings, not the ceilings themselves.
    assertThat(delays).doesNotHaveDuplicates();
    assertThat(delays.subList(9, 16)).anyMatch(delay -> delay.compareTo(Duration.ofSeconds(8)) > 0);
    assertThat(delays.subList(0, 3)).allMatch(delay -> delay.compareTo(Duration.ofSeconds(4)) <= 0);
  }

  @Test
  void theCapIsConfigurable() throws Exception {
    FeedPolicy policy = FeedPolicy.custom().initialBackoff(Duration.ofMillis(500)).maxBackoff(Duration.ofSeconds(3)).build();

    List<Duration> delays = delaysAgainstNoServer(policy, 12);

    assertThat(delays).allMatch(delay -> delay.compareTo(Duration.ofSeconds(3)) <= 0);
    assertThat(delays.subList(0, 1)).allMatch(delay -> delay.compareTo(Duration.ofMillis(500)) <= 0);
  }

  @Test
  void ceilingsDoubleFromTheInitialBackoffUpToTheCap() {
    FeedPolicy policy = FeedPolicy.ofDefaults();

    assertThat(policy.reconnectCeiling(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(policy.reconnectCeiling(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.reconnectCeiling(9)).isEqualTo(Duration.ofSeconds(256));
    assertThat(policy.reconnectCeiling(10)).isEqualTo(Duration.ofMinutes(5));
    assertThat(policy.reconnectCeiling(1000)).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void refusesBadSettingsNamingTheValue() {
    assertThatThrownBy(() -> FeedPolicy.custom().maxBackoff(Duration.ofHours(2))).hasMessage("maxBackoff must be <= PT1H: PT2H");
    assertThatThrownBy(() -> FeedPolicy.custom().initialBackoff(Duration.ZERO)).hasMessage("initialBackoff must be positive: PT0S");
    assertThatThrownBy(() -> FeedPolicy.custom().silentHeartbeats(0)).hasMessage("silentHeartbeats must be 1..10: 0");
    assertThatThrownBy(() -> FeedPolicy.custom().initialBackoff(Duration.ofSeconds(9)).maxBackoff(Duration.ofSeconds(2)).build())
        .hasMessage("maxBackoff must be >= initialBackoff (PT9S): PT2S");
    assertThat(FeedPolicy.ofDefaults().toBuilder().build().toString()).isEqualTo(FeedPolicy.ofDefaults().toString());
  }

  @Test
  void theClientUsesTheDefaultFeedPolicyAndItsBuilderKeepsAChosenOne() {
    FeedPolicy chosen = FeedPolicy.custom().maxBackoff(Duration.ofMinutes(1)).build();
    try (TowerlineClient defaults = TowerlineClient.builder().baseUrl("http://127.0.0.1:9/").build();
        TowerlineClient custom = defaults.toBuilder().feedPolicy(chosen).build();
        TowerlineClient copy = custom.toBuilder().build()) {
      assertThat(defaults.feedPolicy()).isSameAs(FeedPolicy.ofDefaults());
      assertThat(defaults.feedPolicy().maxBackoff()).isEqualTo(Duration.ofMinutes(5));
      assertThat(copy.feedPolicy()).isSameAs(chosen);
    }
  }

  /** The waits of the first {@code count} reconnect attempts while nothing listens on the port. */
  private static List<Duration> delaysAgainstNoServer(FeedPolicy policy, int count) throws Exception {
    Fixtures.FakeTime time = new Fixtures.FakeTime();
    FeedRecorder<DeviceUpdated> recorder = new FeedRecorder<>();
    try (TowerlineClient client =
        TowerlineClient.builder().baseUrl("http://127.0.0.1:" + closedPort() + "/").feedPolicy(policy)
            .clock(time).sleeper(time.sleeper()).build()) {
      FeedSubscription feed = client.watchDevices(recorder);
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (time.sleeps.size() < count && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      feed.close();
    }
    FeedState reconnecting = recorder.awaitPhase(FeedState.Phase.RECONNECTING);
    assertThat(reconnecting.failure()).get().isInstanceOf(TowerlineTransportException.class);
    assertThat(reconnecting.retryIn()).contains(time.sleeps.get(0));
    return time.sleeps.subList(0, count);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
