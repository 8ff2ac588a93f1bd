package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.server.testing.Executions;
import dev.towerline.server.testing.FeedRecorder;
import dev.towerline.server.testing.Feeds;
import dev.towerline.server.testing.RunningServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The dashboard's stats count the executions running and waiting now, and those that finished. */
class DashboardStatsTest {

  @RegisterExtension
  static final RunningServer server = new RunningServer().feeds(f -> f.statsInterval(Duration.ofMillis(200)));

  private static final Feeds feeds = server.feedClients();
  private static final Executions executions = new Executions(server);

  @Test
  void statsCountRunningQueuedAndFinishedExecutions() throws Exception {
    String serial = server.adb().devices().get(0).serial();
    String done = executions.create(serial, "echo done", 30).path("id").asText();
    executions.awaitFinished(done);
    String running = executions.create(serial, "sleep 60", 120).path("id").asText();
    String queued = executions.create(serial, "echo later", 30).path("id").asText();
    FeedRecorder dashboard = feeds.connect(FeedRecorder.answeringPings(), "dashboard");

    JsonNode counts = byStatus(dashboard.awaitText(text -> Feeds.type(text).equals("stats") && byStatus(text).path("running").asLong() == 1));

    assertThat(counts.path("running").asLong()).isEqualTo(1);
    assertThat(counts.path("queued").asLong()).isEqualTo(1);
    assertThat(counts.path("succeeded").asLong()).isEqualTo(1);

    executions.cancel(queued);
    executions.cancel(running);
    JsonNode after = byStatus(dashboard.awaitText(text -> Feeds.type(text).equals("stats") && byStatus(text).path("cancelled").asLong() == 2));
    assertThat(after.path("running").asLong()).isZero();
    assertThat(after.path("queued").asLong()).isZero();
    dashboard.close();
  }

  private static JsonNode byStatus(String stats) {
    return Feeds.parse(stats).path("stats").path("executions_by_status");
  }
}
