package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.server.testing.FeedRecorder;
import dev.towerline.server.testing.Feeds;
import dev.towerline.server.testing.RunningServer;
import jakarta.websocket.CloseReason;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Heartbeats every 300 ms: a peer that answers stays, a silent one is closed and counted; stats every 200 ms. */
class FeedHeartbeatTest {

  @RegisterExtension
  static final RunningServer server =
      new RunningServer().feeds(f -> f.heartbeat(Duration.ofMillis(300)).maxConnections(3).statsInterval(Duration.ofMillis(200)));

  private static Feeds feeds;

  @BeforeAll
  static void startClient() {
    feeds = new Feeds(server);
  }

  @AfterAll
  static void stopClient() {
    feeds.close();
  }

  @Test
  void silentPeerIsClosedWhileAnsweringPeerStays() throws Exception {
    FeedRecorder silent = feeds.connect("devices");
    FeedRecorder answering = feeds.connect(FeedRecorder.answeringPings(), "devices");

    CloseReason close = silent.awaitClose();
    assertThat(close.getCloseCode().getCode()).isEqualTo(1001);
    // Several more heartbeats reach the answering peer after the silent one is gone.
    for (int i = 0; i < 4; i++) {
      answering.awaitText(text -> Feeds.type(text).equals("ping"));
    }
    assertThat(server.get("/metrics").body()).containsPattern("towerline_ws_closes_total\\{[^}]*reason=\"silent_peer\"[^}]*\\} [1-9]");
    answering.close();
  }

  @Test
  void dashboardReceivesStatsEventsWithConsecutiveSeqs() throws Exception {
    FeedRecorder dashboard = feeds.connect(FeedRecorder.answeringPings(), "dashboard");
    long snapshotSeq =
        Feeds.parse(dashboard.awaitText(text -> Feeds.type(text).equals("snapshot"))).path("seq").asLong();

    com.fasterxml.jackson.databind.JsonNode first = Feeds.parse(dashboard.awaitText(text -> Feeds.type(text).equals("stats")));
    com.fasterxml.jackson.databind.JsonNode second = Feeds.parse(dashboard.awaitText(text -> Feeds.type(text).equals("stats")));

    assertThat(first.path("seq").asLong()).isEqualTo(snapshotSeq + 1);
    assertThat(second.path("seq").asLong()).isEqualTo(first.path("seq").asLong() + 1);
    assertThat(first.path("stats").path("connected_clients").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(first.path("stats").path("executions_by_status").size()).isEqualTo(dev.towerline.protocol.ExecutionStatus.values().length);
    dashboard.close();
  }

  @Test
  void connectionBeyondTheLimitIsClosedWith1013() throws Exception {
    // Connections of earlier tests are gone first.
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !server.get("/metrics").body().matches("(?s).*towerline_ws_connections\\{[^}]*\\} [1-9].*"));
    FeedRecorder one = feeds.connect(FeedRecorder.answeringPings(), "executions");
    FeedRecorder two = feeds.connect(FeedRecorder.answeringPings(), "executions");
    FeedRecorder three = feeds.connect(FeedRecorder.answeringPings(), "executions");
    one.awaitText(text -> Feeds.type(text).equals("snapshot"));
    two.awaitText(text -> Feeds.type(text).equals("snapshot"));
    three.awaitText(text -> Feeds.type(text).equals("snapshot"));

    FeedRecorder refused = feeds.connect("executions");

    assertThat(refused.assertNextClose().getCloseCode().getCode()).isEqualTo(1013);
    one.close();
    two.close();
    three.close();
  }
}
