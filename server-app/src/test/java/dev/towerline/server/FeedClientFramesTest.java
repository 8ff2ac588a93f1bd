package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.server.feed.intake.ClientFrameIntake;
import dev.towerline.server.testing.FeedRecorder;
import dev.towerline.server.testing.Feeds;
import dev.towerline.server.testing.RunningServer;
import jakarta.websocket.CloseReason;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a feed does with what a client sends over a real socket (FR-308): an invalid frame gets an
 * {@code error} frame and the connection stays; repeated ones close it with 1008; one over 4 KiB
 * is refused with {@code FRAME_TOO_LARGE}, and a message beyond what a feed reads at all, in one
 * frame or in fragments, is cut with 1009 before it is held whole.
 */
class FeedClientFramesTest {

  private static final int CLOSED_ABNORMALLY = 1006;

  /** Not JSON, an unknown frame type, a frame only the server sends. */
  private static final List<String> INVALID_FRAMES =
      List.of("not json", "{\"type\":\"nope\"}", "{\"type\":\"connection_ack\"}");

  @RegisterExtension static final RunningServer server = new RunningServer();

  private static final Feeds feeds = server.feedClients();

  @Test
  void invalidFrameGetsAnErrorFrameAndTheConnectionStaysOpen() throws Exception {
    FeedRecorder recorder = connected();

    recorder.sendText("not json");

    JsonNode error = assertErrorFrame(recorder.assertNextText(), "INVALID_FRAME");
    assertThat(error.path("details").path("reason").asText()).isNotBlank();
    assertAnswersPing(recorder, "after-invalid");
    recorder.close();
  }

  @Test
  void repeatedInvalidFramesCloseWith1008() throws Exception {
    FeedRecorder recorder = connected();

    for (int i = 0; i < ClientFrameIntake.MAX_INVALID_FRAMES; i++) {
      recorder.sendText(INVALID_FRAMES.get(i % INVALID_FRAMES.size()));
      assertErrorFrame(recorder.assertNextText(), "INVALID_FRAME");
    }

    CloseReason close = recorder.assertNextClose();
    assertThat(close.getCloseCode().getCode()).isEqualTo(1008);
    recorder.assertExhausted();
  }

  @Test
  void oversizedFrameIsRefusedWithFrameTooLargeAndTheConnectionStaysOpen() throws Exception {
    // Just over the limit; over it in bytes though not in characters (2,049 two-byte characters);
    // and as large as a feed reads at all.
    List<String> oversized =
        List.of(
            "x".repeat(ClientFrameIntake.MAX_FRAME_BYTES + 1),
            "é".repeat(ClientFrameIntake.MAX_FRAME_BYTES / 2 + 1),
            "x".repeat(ClientFrameIntake.MAX_MESSAGE_BYTES));
    for (String message : oversized) {
      FeedRecorder recorder = connected();

      recorder.sendText(message);

      JsonNode error = assertErrorFrame(recorder.assertNextText(), "FRAME_TOO_LARGE");
      assertThat(error.path("details").path("max_bytes").asInt()).as("max_bytes for %s chars", message.length())
          .isEqualTo(ClientFrameIntake.MAX_FRAME_BYTES);
      assertAnswersPing(recorder, "after-" + message.length());
      recorder.close();
    }
  }

  @Test
  void messageBeyondTheReadLimitInOneFrameIsClosedWith1009AndTheServerStaysHealthy() throws Exception {
    FeedRecorder recorder = connected();

    // The frame's header already says it is over the limit: the server closes before its payload.
    // The server may close before the client has written it all; what it did shows in its close.
    catchThrowable(() -> recorder.sendText("x".repeat(ClientFrameIntake.MAX_MESSAGE_BYTES + 1)));

    assertClosedThenServerStillServes(recorder, 1009);
  }

  @Test
  void fragmentedMessageBeyondTheReadLimitIsClosedWith1009AndTheServerStaysHealthy() throws Exception {
    FeedRecorder recorder = connected();

    catchThrowable(
        () -> recorder.sendTextInFragments("x".repeat(ClientFrameIntake.MAX_MESSAGE_BYTES + 1), ClientFrameIntake.MAX_FRAME_BYTES));

    assertClosedThenServerStillServes(recorder, 1009);
  }

  /**
   * The server closes with {@code closeCode} while the rest of the message is still unread in its
   * socket, so the kernel may answer with a reset that reaches the client before the close frame:
   * then the client sees only 1006 (closed abnormally). Either way the connection is gone.
   */
  private static void assertClosedThenServerStillServes(FeedRecorder recorder, int closeCode) {
    CloseReason close = recorder.assertNextClose();
    assertThat(close.getCloseCode().getCode()).as("close %s", close).isIn(closeCode, CLOSED_ABNORMALLY);
    recorder.assertExhausted();
    FeedRecorder next = feeds.connect("devices");
    assertThat(Feeds.type(next.assertNextText())).isEqualTo("connection_ack");
    assertThat(Feeds.type(next.assertNextText())).isEqualTo("snapshot");
  }

  /** A client on the devices feed that has read its ack and snapshot. */
  private static FeedRecorder connected() {
    FeedRecorder recorder = feeds.connect("devices");
    assertThat(Feeds.type(recorder.assertNextText())).isEqualTo("connection_ack");
    assertThat(Feeds.type(recorder.assertNextText())).isEqualTo("snapshot");
    return recorder;
  }

  /** Asserts an {@code error} frame with this code; returns its {@code error} object. */
  private static JsonNode assertErrorFrame(String text, String code) {
    JsonNode frame = Feeds.parse(text);
    assertThat(frame.path("type").asText()).as("type of %s", text).isEqualTo("error");
    assertThat(frame.path("error").path("code").asText()).as("code of %s", text).isEqualTo(code);
    return frame.path("error");
  }

  /** The connection is still open: a {@code ping} is answered with a {@code pong} echoing its nonce. */
  private static void assertAnswersPing(FeedRecorder recorder, String nonce) throws Exception {
    recorder.sendText("{\"type\":\"ping\",\"ts\":\"2026-11-22T10:00:00Z\",\"nonce\":\"" + nonce + "\"}");
    JsonNode pong = Feeds.parse(recorder.assertNextText());
    assertThat(pong.path("type").asText()).isEqualTo("pong");
    assertThat(pong.path("nonce").asText()).isEqualTo(nonce);
  }
}
