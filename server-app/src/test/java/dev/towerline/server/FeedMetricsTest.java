package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.towerline.server.testing.FeedRecorder;
import dev.towerline.server.testing.Feeds;
import dev.towerline.server.testing.RunningServer;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** FR-703: open connections, frames sent and closes by reason, each per feed, on /metrics. */
class FeedMetricsTest {

  @RegisterExtension static final RunningServer server = new RunningServer().feeds(f -> f.maxConnections(3));

  private static final Feeds feeds = server.feedClients();

  @Test
  void webSocketMetricsCountConnectionsFramesAndClosesPerFeed() throws Exception {
    FeedRecorder devicesOne = connected("devices");
    FeedRecorder devicesTwo = connected("devices");
    FeedRecorder executions = connected("executions");

    assertThat(metric("towerline_ws_connections", "devices")).isEqualTo(2);
    assertThat(metric("towerline_ws_connections", "executions")).isEqualTo(1);
    assertThat(metric("towerline_ws_connections", "dashboard")).isZero();
    // An ack and a snapshot each, at least.
    assertThat(metric("towerline_ws_messages_sent_total", "devices")).isGreaterThanOrEqualTo(4);
    assertThat(metric("towerline_ws_messages_sent_total", "executions")).isGreaterThanOrEqualTo(2);

    FeedRecorder refused = feeds.connect("dashboard");
    assertThat(refused.assertNextClose().getCloseCode().getCode()).isEqualTo(1013);
    assertThat(metric("towerline_ws_closes_total", "dashboard", "connection_limit")).isEqualTo(1);
    assertThat(metric("towerline_ws_closes_total", "devices", "connection_limit")).isZero();

    devicesTwo.close();
    await().atMost(Duration.ofSeconds(5)).until(() -> metric("towerline_ws_connections", "devices") == 1);
    devicesOne.close();
    executions.close();
  }

  private static FeedRecorder connected(String feed) {
    FeedRecorder recorder = feeds.connect(feed);
    assertThat(Feeds.type(recorder.assertNextText())).isEqualTo("connection_ack");
    assertThat(Feeds.type(recorder.assertNextText())).isEqualTo("snapshot");
    return recorder;
  }

  /** The value of {@code name} for this feed (and close reason), from the Prometheus page. */
  private static double metric(String name, String feed, String... reason) {
    String labels = "feed=\"" + feed + "\"" + (reason.length == 0 ? "" : ",reason=\"" + reason[0] + "\"");
    Matcher value =
        Pattern.compile("(?m)^" + name + "\\{[^}]*" + Pattern.quote(labels) + "[^}]*\\} (\\S+)$")
            .matcher(server.get("/metrics").body());
    assertThat(value.find()).as("%s{%s} on /metrics", name, labels).isTrue();
    return Double.parseDouble(value.group(1));
  }
}
