package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.protocol.ErrorFrame;
import dev.towerline.protocol.Feed;
import dev.towerline.protocol.Frame;
import dev.towerline.server.testing.FeedRecorder;
import dev.towerline.server.testing.RunningServer;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import java.time.OffsetDateTime;
import org.glassfish.tyrus.client.ClientManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WebSocketSkeletonTest {

  @RegisterExtension static final RunningServer server = new RunningServer();

  private static ClientManager client;

  @BeforeAll
  static void startClient() {
    client = ClientManager.createClient();
  }

  @AfterAll
  static void stopClient() {
    client.shutdown();
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void feedSendsNotImplementedErrorFrameThenCloses1011(Feed feed) throws Exception {
    FeedRecorder recorder = new FeedRecorder();
    OffsetDateTime before = OffsetDateTime.now().minusSeconds(1);

    client.connectToServer(
        recorder,
        ClientEndpointConfig.Builder.create().build(),
        server.webSocketUri("/api/v1/ws/" + feed.value()));

    Frame frame = server.json().readValue(recorder.assertNextText(), Frame.class);
    assertThat(frame).isInstanceOf(ErrorFrame.class);
    ErrorFrame error = (ErrorFrame) frame;
    assertThat(error.getError().getCode()).isEqualTo(ErrorCode.NOT_IMPLEMENTED);
    assertThat(error.getError().getMessage())
        .isEqualTo("The " + feed.value() + " feed is not available in this server build yet");
    assertThat(error.getTs()).isAfter(before).isBefore(OffsetDateTime.now().plusSeconds(1));
    CloseReason close = recorder.assertNextClose();
    assertThat(close.getCloseCode().getCode()).isEqualTo(1011);
    assertThat(close.getReasonPhrase()).isNotBlank();
    recorder.assertExhausted();
  }

  @Test
  void restAnswersOnTheSamePortAfterWebSocketUse() throws Exception {
    FeedRecorder recorder = new FeedRecorder();
    client.connectToServer(
        recorder,
        ClientEndpointConfig.Builder.create().build(),
        server.webSocketUri("/api/v1/ws/devices"));
    recorder.assertNextText();
    recorder.assertNextClose();

    assertThat(server.get("/health").statusCode()).isEqualTo(200);
    assertThat(server.uri("/").getPort()).isEqualTo(server.webSocketUri("/").getPort());
  }
}
