package dev.towerline.server.feed;

import dev.towerline.protocol.Ping;
import dev.towerline.server.feed.outbox.SharedTextFrame;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One heartbeat round every half interval: a WebSocket ping to every connection, an app-level
 * {@code ping} frame every other round (so once per interval), and a close for every peer that
 * has been silent for two intervals.
 */
final class FeedHeartbeat implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(FeedHeartbeat.class);

  private final FeedService service;
  private final Collection<FeedSession> sessions;
  private final Duration interval;
  private final AtomicLong rounds = new AtomicLong();

  FeedHeartbeat(FeedService service, Collection<FeedSession> sessions, Duration interval) {
    this.service = service;
    this.sessions = sessions;
    this.interval = interval;
  }

  /** How often {@link #run()} should be called. */
  Duration period() {
    return Duration.ofMillis(Math.max(50, interval.toMillis() / 2));
  }

  @Override
  public void run() {
    try {
      long round = rounds.incrementAndGet();
      // Every connection gets the same ping: written and encoded once per round, not once per connection.
      SharedTextFrame appPing =
          round % 2 == 0 ? new SharedTextFrame(service.write(new Ping().withTs(service.now()).withNonce(Long.toHexString(round)))) : null;
      long silentLimit = interval.toNanos() * 2;
      for (FeedSession session : sessions) {
        try {
          beat(session, appPing, silentLimit);
        } catch (Throwable e) { // One connection must not cost the others their heartbeat.
          log.warn("Heartbeat of WebSocket {} failed: {}", session.id(), e.toString());
        }
      }
    } catch (Throwable e) { // A scheduled task that throws is never run again.
      log.warn("Heartbeat round failed: {}", e.toString());
    }
  }

  private void beat(FeedSession session, SharedTextFrame appPing, long silentLimit) {
    if (session.closing()) {
      return; // Waiting for the client to answer our close: nothing more goes out.
    }
    if (session.connection().silentNanos() > silentLimit) {
      service.metrics().closed(session.feed(), FeedMetrics.CloseReason.SILENT_PEER);
      session.close(FeedService.CLOSE_GOING_AWAY, "peer silent for two heartbeat intervals");
      return;
    }
    session.webSocketPing();
    if (appPing != null) {
      session.sendWritten(appPing);
    }
  }
}
