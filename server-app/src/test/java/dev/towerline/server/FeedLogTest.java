package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.towerline.server.adb.LogCapture;
import dev.towerline.server.feed.FeedService;
import dev.towerline.server.testing.FeedRecorder;
import dev.towerline.server.testing.Feeds;
import dev.towerline.server.testing.RunningServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** FR-704: a WebSocket connect, resume and close each write one structured JSON line. */
class FeedLogTest {

  @RegisterExtension static final RunningServer server = new RunningServer();

  private static final Feeds feeds = server.feedClients();

  @Test
  void writesOneJsonLinePerConnectResumeAndClose() throws Exception {
    try (LogCapture log = new LogCapture(FeedService.class)) {
      FeedRecorder fresh = feeds.connect("devices");
      String session = Feeds.parse(fresh.assertNextText()).path("session_id").asText();
      fresh.close();
      FeedRecorder resumed = feeds.connect("executions?since=0");
      String resumedSession = Feeds.parse(resumed.assertNextText()).path("session_id").asText();

      assertThat(log.jsonLinesContaining("WebSocket " + session + " connected")).singleElement().satisfies(line -> assertThat(line)
          .contains("\"event\":\"ws_connect\"", "\"session_id\":\"" + session + "\"", "\"feed\":\"devices\"", "\"level\":\"INFO\""));
      await().atMost(Duration.ofSeconds(5)).until(() -> !log.jsonLinesContaining("WebSocket " + session + " on the").isEmpty());
      List<String> closes = log.jsonLinesContaining("WebSocket " + session + " on the");
      assertThat(closes).singleElement().satisfies(line -> assertThat(line)
          .contains("\"event\":\"ws_close\"", "\"session_id\":\"" + session + "\"", "\"close_code\":1000"));
      assertThat(log.jsonLinesContaining("WebSocket " + resumedSession + " connected")).singleElement().satisfies(line -> assertThat(line)
          .contains("\"event\":\"ws_resume\"", "\"feed\":\"executions\"", "\"since\":0"));
      resumed.close();
    }
  }
}
