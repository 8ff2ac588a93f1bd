package dev.towerline.server.feed;

import dev.towerline.protocol.Feed;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * The feeds' meters, each per feed: open connections ({@code towerline_ws_connections}), frames
 * sent ({@code towerline_ws_messages_sent_total}), frames that could not be sent ({@code
 * towerline_ws_send_failures_total}, each closing its connection with 1011) and connections the server closed or refused,
 * by reason ({@code towerline_ws_closes_total}).
 */
final class FeedMetrics {

  /** Why the server closed or refused a connection. */
  enum CloseReason {
    SILENT_PEER("silent_peer"),
    SLOW_CONSUMER("slow_consumer"),
    CONNECTION_LIMIT("connection_limit");

    private final String tag;

    CloseReason(String tag) {
      this.tag = tag;
    }
  }

  private final Map<Feed, Counter> sent = new EnumMap<>(Feed.class);
  private final Map<Feed, Counter> sendFailures = new EnumMap<>(Feed.class);
  private final Map<Feed, Map<CloseReason, Counter>> closes = new EnumMap<>(Feed.class);

  FeedMetrics(MeterRegistry meters, Collection<FeedSession> sessions) {
    for (Feed feed : Feed.values()) {
      Gauge.builder("towerline.ws.connections", sessions, open -> open.stream().filter(s -> s.feed() == feed).count())
          .description("Open WebSocket feed connections")
          .tag("feed", feed.value())
          .register(meters);
      sent.put(
          feed,
          Counter.builder("towerline.ws.messages.sent")
              .description("Frames sent on the WebSocket feeds")
              .tag("feed", feed.value())
              .register(meters));
      sendFailures.put(
          feed,
          Counter.builder("towerline.ws.send.failures")
              .description("Frames that could not be sent; each closed its connection with 1011")
              .tag("feed", feed.value())
              .register(meters));
      Map<CloseReason, Counter> byReason = new EnumMap<>(CloseReason.class);
      for (CloseReason reason : CloseReason.values()) {
        byReason.put(
            reason,
            Counter.builder("towerline.ws.closes")
                .description("WebSocket feed connections the server closed or refused, by reason")
                .tag("feed", feed.value())
                .tag("reason", reason.tag)
                .register(meters));
      }
      closes.put(feed, byReason);
    }
  }

  void sent(Feed feed) {
    sent.get(feed).increment();
  }

  void sendFailed(Feed feed) {
    sendFailures.get(feed).increment();
  }

  void closed(Feed feed, CloseReason reason) {
    closes.get(feed).get(reason).increment();
  }
}
