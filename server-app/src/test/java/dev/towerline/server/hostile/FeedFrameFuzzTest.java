package dev.towerline.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.server.testing.JdkFeedClient;
import dev.towerline.server.testing.RunningServer;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Client frames a feed cannot accept, each on a fresh connection of the JDK's WebSocket client
 * (issue 9, defect 4; must-be-true 3): the answer is an {@code error} frame with a code for
 * frames ({@code INVALID_FRAME}, {@code FRAME_TOO_LARGE}) — or a {@code pong} where a lenient
 * reading still makes a valid {@code ping} — and never shows Java class names or library messages.
 */
class FeedFrameFuzzTest {
  private static final String TS = "\"ts\":\"2026-11-22T10:00:00Z\"";
  private static final Set<String> FRAME_ERROR_CODES = Set.of("INVALID_FRAME", "FRAME_TOO_LARGE");

  @RegisterExtension static final RunningServer server = new RunningServer();

  /** Frames that are not frames a client may send: only an error frame will do. */
  static List<String> notFrames() {
    return List.of(
        "{\"type\":\"subscribe\"}",
        "{\"type\":\"connection_ack\"}",
        "{\"type\":42}",
        "{\"type\":null}",
        "{}",
        "[]",
        "\"ping\"",
        "{\"type\":",
        "{\"type\":\"\\ud800\"}",
        "{\"type\":\"ping\"," + TS + ",\"nonce\":" + "[".repeat(1001) + "]".repeat(1001) + "}",
        "{\"type\":\"ping\"," + TS + ",\"nonce\":1" + "0".repeat(1000) + "}",
        "{\"type\":\"ping\"," + TS + ",\"nonce\":{\"a\":1}}");
  }

  /** Pings with something wrong that a lenient reading might still take: an error frame or a pong. */
  static List<String> doubtfulPings() {
    return List.of(
        "{\"type\":\"ping\"," + TS + ",\"extra\":1}",
        "{\"type\":\"ping\",\"type\":\"pong\"," + TS + "}",
        "{\"type\":\"ping\",\"ts\":\"yesterday\"}",
        "{\"type\":\"ping\"," + TS + ",\"nonce\":\"" + "n".repeat(65) + "\"}");
  }

  static Stream<Arguments> notFramesOnEachFeed() {
    return Stream.of("devices", "executions").flatMap(feed -> notFrames().stream().map(frame -> Arguments.of(feed, frame)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("notFramesOnEachFeed")
  void somethingThatIsNotAClientFrameGetsAnErrorFrameWithoutInternals(String feed, String frame) {
    JsonNode answer = answerTo(feed, frame);

    assertThat(answer.path("type").asText()).as("answer to %s: %s", Printable.of(frame), answer).isEqualTo("error");
    assertThat(answer.path("error").path("code").asText()).as("answer to %s: %s", Printable.of(frame), answer).isIn(FRAME_ERROR_CODES);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("doubtfulPings")
  void aDoubtfulPingGetsAnErrorFrameOrAPongWithoutInternals(String frame) {
    JsonNode answer = answerTo("devices", frame);

    assertThat(answer.path("type").asText()).as("answer to %s: %s", Printable.of(frame), answer).isIn("error", "pong");
  }

  @AfterAll
  static void feedsStillServe() {
    try (JdkFeedClient client = JdkFeedClient.connect(server, "executions")) {
      assertThat(client.next("connection_ack after the frame fuzz").path("type").asText()).isEqualTo("connection_ack");
      assertThat(client.next("snapshot after the frame fuzz").path("type").asText()).isEqualTo("snapshot");
    }
  }

  /** Sends {@code frame} on a fresh connection and returns the first frame that answers it, checked for internals. */
  private static JsonNode answerTo(String feed, String frame) {
    try (JdkFeedClient client = JdkFeedClient.connect(server, feed)) {
      assertThat(client.next("connection_ack").path("type").asText()).isEqualTo("connection_ack");
      assertThat(client.next("snapshot").path("type").asText()).isEqualTo("snapshot");
      client.send(frame);
      List<JsonNode> frames = client.until(f -> Set.of("error", "pong").contains(f.path("type").asText()), "the answer to " + Printable.of(frame));
      JsonNode answer = frames.get(frames.size() - 1);
      HostileAnswers.assertNoInternals("answer to " + Printable.of(frame), answer.toString());
      return answer;
    }
  }
}
