package dev.towerline.server.feed;

import dev.towerline.protocol.FeedEvent;
import dev.towerline.server.feed.outbox.Outbox;
import dev.towerline.server.feed.outbox.OutboxLimits;
import dev.towerline.server.feed.outbox.SharedTextFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The feed state of one WebSocket connection. Subscribed before its snapshot or replay is read,
 * it holds live events back until {@link #goLive(long)} says up to which seq the client already
 * has; from then on each event with a higher seq that passes the filter goes to the outbox, so
 * nothing is missed and nothing is sent twice.
 */
final class FeedConnection implements FeedChannel.Subscriber {
  private record Held(long seq, FeedEvent event, SharedTextFrame frame) {}

  private final String sessionId;
  private final Outbox outbox;
  private final OutboxLimits limits;
  private final Predicate<FeedEvent> filter;
  private final Runnable onOverflow;
  private final List<Held> held = new ArrayList<>();
  private boolean live;
  private long lastSeq;
  private volatile long lastHeardNanos = System.nanoTime();

  FeedConnection(String sessionId, Outbox outbox, OutboxLimits limits, Predicate<FeedEvent> filter, Runnable onOverflow) {
    this.sessionId = sessionId;
    this.outbox = outbox;
    this.limits = limits;
    this.filter = filter;
    this.onOverflow = onOverflow;
  }

  String sessionId() {
    return sessionId;
  }

  Outbox outbox() {
    return outbox;
  }

  boolean accepts(FeedEvent event) {
    return filter.test(event);
  }

  @Override
  public void event(long seq, FeedEvent event, SharedTextFrame frame) {
    boolean overflow = false;
    synchronized (this) {
      if (!live) {
        if (held.size() >= limits.maxFrames()) {
          overflow = true;
        } else {
          held.add(new Held(seq, event, frame));
        }
      } else {
        deliver(seq, event, frame);
      }
    }
    if (overflow) {
      onOverflow.run();
    }
  }

  /** The client has everything up to {@code seq}: send what was held back after it, then go live. */
  synchronized void goLive(long seq) {
    lastSeq = Math.max(lastSeq, seq);
    for (Held event : held) {
      deliver(event.seq(), event.event(), event.frame());
    }
    held.clear();
    live = true;
  }

  /** Sends a replayed event (before {@link #goLive}); returns false when the connection is gone. */
  synchronized boolean replay(long seq, FeedEvent event, SharedTextFrame frame) {
    if (seq <= lastSeq) {
      return !outbox.isClosed();
    }
    lastSeq = seq;
    return !filter.test(event) || outbox.offer(frame);
  }

  private void deliver(long seq, FeedEvent event, SharedTextFrame frame) {
    if (seq <= lastSeq) {
      return;
    }
    lastSeq = seq;
    if (filter.test(event)) {
      outbox.offer(frame);
    }
  }

  void heard() {
    lastHeardNanos = System.nanoTime();
  }

  long silentNanos() {
    return System.nanoTime() - lastHeardNanos;
  }
}
