package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.protocol.Feed;
import dev.towerline.server.testing.FeedRecorder;
import dev.towerline.server.testing.Feeds;
import dev.towerline.server.testing.RunningServer;
import jakarta.websocket.CloseReason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WebSocketSkeletonTest {

  @RegisterExtension static final RunningServer server = new RunningServer();

  private static Feeds feeds;

  @BeforeAll
  static void startClient() {
    feeds = new Feeds(server);
  }

  @AfterAll
  static void stopClient() {
    feeds.close();
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void everyFeedAcknowledgesThenSendsSnapshotWithItsSeq(Feed feed) throws Exception {
    FeedRecorder recorder = feeds.connect(feed.value());

    JsonNode ack = Feeds.parse(recorder.assertNextText());
    assertThat(ack.path("type").asText()).isEqualTo("connection_ack");
    assertThat(ack.path("session_id").asText()).startsWith("ws_");
    assertThat(ack.path("feed").asText()).isEqualTo(feed.value());
    assertThat(ack.path("api_version").asText())
        .isEqualTo(dev.towerline.server.contract.PublishedContract.fromClasspath(getClass().getClassLoader()).apiVersion());
    assertThat(ack.path("heartbeat_interval_seconds").asLong()).isEqualTo(30);

    JsonNode snapshot = Feeds.parse(recorder.awaitText(text -> Feeds.type(text).equals("snapshot")));
    assertThat(snapshot.path("feed").asText()).isEqualTo(feed.value());
    assertThat(snapshot.path("seq").isIntegralNumber()).isTrue();
    switch (feed) {
      case DEVICES -> assertThat(snapshot.path("devices")).hasSize(server.adb().devices().size());
      case EXECUTIONS -> assertThat(snapshot.path("executions").isArray()).isTrue();
      case DASHBOARD -> {
        assertThat(snapshot.path("stats").path("connected_clients").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(snapshot.path("stats").path("devices_by_state").path("online").asLong()).isPositive();
      }
    }
    recorder.close();
  }

  @Test
  void invalidSinceGetsAnErrorFrameThenClose1008() {
    FeedRecorder recorder = feeds.connect("devices?since=yesterday");

    JsonNode error = Feeds.parse(recorder.assertNextText());
    assertThat(error.path("type").asText()).isEqualTo("error");
    assertThat(error.path("error").path("code").asText()).isEqualTo("INVALID_PARAMETER");
    CloseReason close = recorder.assertNextClose();
    assertThat(close.getCloseCode().getCode()).isEqualTo(1008);
    recorder.assertExhausted();
  }

  @Test
  void clientPingIsAnsweredWithPong() throws Exception {
    FeedRecorder recorder = feeds.connect("executions");
    recorder.awaitText(text -> Feeds.type(text).equals("snapshot"));
    recorder.sendText("{\"type\":\"ping\",\"ts\":\"2026-11-22T10:00:00Z\",\"nonce\":\"n1\"}");

    JsonNode pong = Feeds.parse(recorder.awaitText(text -> Feeds.type(text).equals("pong")));
    assertThat(pong.path("nonce").asText()).isEqualTo("n1");
    recorder.close();
  }

  @Test
  void restAnswersOnTheSamePortAfterWebSocketUse() throws Exception {
    FeedRecorder recorder = feeds.connect("devices");
    recorder.assertNextText();
    recorder.close();

    assertThat(server.get("/health").statusCode()).isEqualTo(200);
    assertThat(server.uri("/").getPort()).isEqualTo(server.webSocketUri("/").getPort());
  }
}
