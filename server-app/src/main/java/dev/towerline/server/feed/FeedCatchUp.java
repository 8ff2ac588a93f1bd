package dev.towerline.server.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.protocol.ExecutionUpdated;
import dev.towerline.protocol.Feed;
import dev.towerline.protocol.FeedEvent;
import dev.towerline.protocol.ResyncRequired;
import dev.towerline.protocol.Snapshot;
import dev.towerline.server.devices.DeviceDirectory;
import dev.towerline.server.executions.ExecutionRecord;
import dev.towerline.server.executions.ExecutionService;
import dev.towerline.server.feed.log.EventLog;
import dev.towerline.server.feed.log.StoredEventReader;
import dev.towerline.server.feed.outbox.SharedTextFrame;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a new connection up to the live events: a snapshot, or with {@code since} the events
 * after it from the event log (or {@code resync_required} and a snapshot when the log cannot
 * serve it), then hands the connection over to live delivery at the seq it has reached.
 */
final class FeedCatchUp {
  private static final Logger log = LoggerFactory.getLogger(FeedCatchUp.class);
  private static final int REPLAY_PAGE = 500;
  private static final long PACE_LIMIT_SECONDS = 30;

  private final FeedService service;
  private final EventLog eventLog;
  private final StoredEventReader events;
  private final DeviceDirectory devices;
  private final ExecutionService executions;
  private final DashboardStats stats;

  FeedCatchUp(
      FeedService service,
      EventLog eventLog,
      ObjectMapper json,
      DeviceDirectory devices,
      ExecutionService executions,
      DashboardStats stats) {
    this.service = service;
    this.eventLog = eventLog;
    this.events = new StoredEventReader(json);
    this.devices = devices;
    this.executions = executions;
    this.stats = stats;
  }

  void run(FeedSession session, Long since) {
    Feed feed = session.feed();
    try {
      if (since == null) {
        sendSnapshot(session);
        return;
      }
      EventLog.Bounds bounds = eventLog.bounds(feed);
      ResyncRequired.Reason reason = resyncReason(since, bounds);
      if (reason != null) {
        session.send(
            new ResyncRequired()
                .withTs(service.now())
                .withFeed(feed)
                .withRequestedSince(since)
                .withOldestSeq(bounds.oldest())
                .withLatestSeq(bounds.latest())
                .withReason(reason));
        sendSnapshot(session);
        return;
      }
      replay(session, since);
    } catch (Throwable e) { // The task boundary: the replay threads serve every other connection.
      log.warn("WebSocket {} could not catch up on the {} feed: {}", session.id(), feed.value(), e.toString());
      session.sendThenClose(
          service.error(ErrorCode.INTERNAL_ERROR, "The feed could not be read; reconnect with since"),
          FeedService.CLOSE_UNEXPECTED,
          "feed unavailable");
    }
  }

  /** Null when the log holds every event after {@code since}. */
  private static ResyncRequired.Reason resyncReason(long since, EventLog.Bounds bounds) {
    if (since > bounds.latest()) {
      return ResyncRequired.Reason.AHEAD_OF_LOG;
    }
    if (since < bounds.latest() && since < bounds.oldest() - 1) {
      return ResyncRequired.Reason.TOO_OLD;
    }
    return null;
  }

  private void replay(FeedSession session, long since) {
    FeedConnection connection = session.connection();
    long cursor = since;
    while (true) {
      List<EventLog.StoredEvent> page = eventLog.after(session.feed(), cursor, REPLAY_PAGE);
      for (EventLog.StoredEvent stored : page) {
        cursor = stored.seq();
        FeedEvent event = events.read(session.feed(), stored, "WebSocket " + session.id()).orElse(null);
        if (event == null) {
          continue;
        }
        pace(connection);
        // A row an older server wrote may hold text that cannot be sent as it is.
        if (!connection.replay(stored.seq(), event, new SharedTextFrame(EncodableJson.of(stored.payload())))) {
          return;
        }
      }
      if (page.size() < REPLAY_PAGE) {
        break;
      }
    }
    connection.goLive(cursor);
  }

  /** Lets the outbox drain while replaying, so a long replay does not count as a slow consumer. */
  private void pace(FeedConnection connection) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PACE_LIMIT_SECONDS);
    int limit = Math.max(1, service.config().outboxLimits().maxFrames() / 2);
    while (connection.outbox().backlog() > limit && !connection.outbox().isClosed() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void sendSnapshot(FeedSession session) {
    Feed feed = session.feed();
    // The seq is read before the state: the state may already reflect a later event (sent again,
    // harmless), never miss one.
    long seq = eventLog.latest(feed);
    Snapshot snapshot = new Snapshot().withTs(service.now()).withFeed(feed).withSeq(seq);
    switch (feed) {
      case DEVICES -> snapshot.setDevices(devices.all());
      case EXECUTIONS ->
          snapshot.setExecutions(
              executions.active().stream()
                  .map(ExecutionRecord::toContract)
                  .filter(e -> session.connection().accepts(new ExecutionUpdated().withExecution(e)))
                  .toList());
      case DASHBOARD -> snapshot.setStats(stats.now());
    }
    session.send(snapshot);
    session.connection().goLive(seq);
  }
}
