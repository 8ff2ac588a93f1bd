package dev.towerline.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TowerlineClientTest {

  @Test
  void refusesInvalidSettingsNamingTheValue() {
    TowerlineClient.Builder builder = TowerlineClient.builder();
    assertThatThrownBy(() -> builder.baseUrl("ftp://lab/"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ftp://lab/");
    assertThatThrownBy(() -> builder.baseUrl("http://lab/?x=1")).hasMessageContaining("http://lab/?x=1");
    assertThatThrownBy(() -> builder.baseUrl("http://lab:8080/towerline"))
        .hasMessage("baseUrl must end in /: http://lab:8080/towerline");
    assertThatThrownBy(() -> builder.connectTimeout(Duration.ofSeconds(-3)))
        .hasMessage("connectTimeout must be positive: PT-3S");
    assertThatThrownBy(() -> builder.readTimeout(Duration.ZERO)).hasMessage("readTimeout must be positive: PT0S");
    assertThatThrownBy(() -> builder.userAgent("bad\nagent")).hasMessageContaining("userAgent");
    assertThatThrownBy(() -> builder.bearerToken("has space"))
        .hasMessageContaining("bearerToken").hasMessageNotContaining("has space");
    assertThatThrownBy(() -> RetryPolicy.custom().maxAttempts(0)).hasMessage("maxAttempts must be >= 1: 0");
    assertThatThrownBy(() -> RetryPolicy.custom().initialBackoff(Duration.ofSeconds(2)).maxBackoff(Duration.ofSeconds(1)).build())
        .hasMessage("maxBackoff must be >= initialBackoff (PT2S): PT1S");
    assertThatThrownBy(() -> TowerlineClient.builder().build()).hasMessage("baseUrl is required");
  }

  @Test
  void appliesNamedDefaultsAndNormalisesTheBaseUrl() {
    try (TowerlineClient client = TowerlineClient.builder().baseUrl("http://127.0.0.1:9").build()) {
      assertThat(client.baseUrl()).hasToString("http://127.0.0.1:9/");
      assertThat(client.connectTimeout()).isEqualTo(Duration.ofSeconds(TowerlineClient.DEFAULT_CONNECT_TIMEOUT_SECONDS));
      assertThat(client.readTimeout()).isEqualTo(Duration.ofSeconds(TowerlineClient.DEFAULT_READ_TIMEOUT_SECONDS));
      assertThat(client.retryPolicy()).isSameAs(RetryPolicy.ofDefaults());
      assertThat(client.bearerToken()).isEmpty();
      assertThat(client.http().version()).isEqualTo(java.net.http.HttpClient.Version.HTTP_1_1);
      assertThat(client.http().connectTimeout()).contains(client.connectTimeout());
    }
  }

  @Test
  void backoffCeilingDoublesUpToTheMaximum() {
    RetryPolicy policy = RetryPolicy.custom().initialBackoff(Duration.ofMillis(100)).maxBackoff(Duration.ofMillis(350)).build();
    assertThat(policy.backoffCeiling(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(policy.backoffCeiling(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(policy.backoffCeiling(3)).isEqualTo(Duration.ofMillis(350));
    assertThat(policy.backoffCeiling(64)).isEqualTo(Duration.ofMillis(350));
  }

  @Test
  void closeLeavesNoLiveThreads() throws Exception {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    try (FaultServer server = new FaultServer()) {
      server.enqueue(FaultServer.json(200, "{\"status\":\"ok\",\"version\":\"1.1.0\"}"));
      assertThat(callAndClose(server, before).version()).isEqualTo("1.1.0");
    }

    // On Java 17 the JDK client's selector thread ends once the closed client is unreachable.
    List<String> left = clientThreadsStartedSince(before);
    for (int i = 0; i < 100 && !left.isEmpty(); i++) {
      System.gc();
      Thread.sleep(200);
      left = clientThreadsStartedSince(before);
    }
    assertThat(left).isEmpty();
  }

  @Test
  void sendsHttp11WithoutAnH2cUpgrade() throws IOException {
    try (FaultServer server = new FaultServer();
        TowerlineClient client = TowerlineClient.builder().baseUrl(server.baseUrl()).build()) {
      server.enqueue(FaultServer.json(200, "{\"status\":\"ok\",\"version\":\"1.1.0\"}"));
      client.health();
      FaultServer.Recorded request = server.requests().get(0);
      assertThat(request.protocol()).isEqualTo("HTTP/1.1");
      assertThat(request.header("upgrade")).isNull();
      assertThat(request.header("http2-settings")).isNull();
    }
  }

  @Test
  void refusesCallsAfterClose() throws IOException {
    TowerlineClient client = TowerlineClient.builder().baseUrl("http://127.0.0.1:9/").build();
    client.close();
    client.close();
    assertThatThrownBy(client::health).isInstanceOf(IllegalStateException.class).hasMessageContaining("is closed");
  }

  @Test
  void closeLeavesNoLiveThreadsOfItsFeedSubscriptions() throws Exception {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    try (FeedServer server = new FeedServer()) {
      watchAndClose(server, before);
      assertThat(server.contractProblems()).isEmpty();
    }

    List<String> left = clientThreadsStartedSince(before);
    for (int i = 0; i < 100 && !left.isEmpty(); i++) {
      System.gc();
      Thread.sleep(200);
      left = clientThreadsStartedSince(before);
    }
    assertThat(left).isEmpty();
  }

  private static void watchAndClose(FeedServer server, Set<Thread> before) throws Exception {
    FeedRecorder<dev.towerline.protocol.DeviceUpdated> devices = new FeedRecorder<>();
    FeedRecorder<dev.towerline.protocol.Stats> dashboard = new FeedRecorder<>();
    try (TowerlineClient client = TowerlineClient.builder().baseUrl(server.baseUrl()).build()) {
      client.watchDevices(devices);
      client.watchDashboard(dashboard);
      for (int i = 0; i < 2; i++) {
        FeedServer.Connection connection = server.awaitConnection();
        String feed = connection.target().substring(connection.target().lastIndexOf('/') + 1);
        connection.send(FeedFrames.ack(feed, 30))
            .send(feed.equals("devices") ? FeedFrames.devicesSnapshot(1) : FeedFrames.dashboardSnapshot(1));
      }
      devices.assertNextSnapshot(1);
      dashboard.assertNextSnapshot(1);
      assertThat(clientThreadsStartedSince(before)).as("threads of the open client")
          .anyMatch(name -> name.startsWith("towerline-sdk-feed-devices-"))
          .anyMatch(name -> name.startsWith("towerline-sdk-feed-dashboard-"));
    }
    assertThat(devices.states()).last().extracting(FeedState::phase).isEqualTo(FeedState.Phase.CLOSED);
  }

  private static Health.Liveness callAndClose(FaultServer server, Set<Thread> before) {
    try (TowerlineClient client = TowerlineClient.builder().baseUrl(server.baseUrl()).build()) {
      Health.Liveness health = client.health();
      assertThat(clientThreadsStartedSince(before)).as("threads of the open client").isNotEmpty();
      return health;
    }
  }

  private static List<String> clientThreadsStartedSince(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> !before.contains(thread) && thread.isAlive())
        .map(Thread::getName)
        .filter(name -> name.startsWith("towerline-sdk-") || name.startsWith("HttpClient-"))
        .collect(Collectors.toList());
  }
}
