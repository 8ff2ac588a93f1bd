package dev.towerline.client.internal;

import dev.towerline.client.FeedListener;
import dev.towerline.client.FeedState;
import dev.towerline.protocol.FeedEvent;
import dev.towerline.protocol.ResyncRequired;
import dev.towerline.protocol.Snapshot;

/** Calls the application's listener; a callback that throws is logged and the feed goes on. */
final class GuardedListener<E extends FeedEvent> {

  private static final System.Logger LOG = System.getLogger(FeedLoop.class.getName());

  private final FeedListener<E> listener;
  private final Class<E> eventType;
  private final String name;

  GuardedListener(FeedListener<E> listener, Class<E> eventType, String name) {
    this.listener = listener;
    this.eventType = eventType;
    this.name = name;
  }

  void snapshot(Snapshot snapshot) {
    call(() -> listener.onSnapshot(snapshot));
  }

  void resync(Snapshot snapshot, ResyncRequired reason) {
    call(() -> listener.onResync(snapshot, reason));
  }

  /** Hands over an event of the feed's type; another type (not on this feed) is skipped. */
  void event(FeedEvent event) {
    if (eventType.isInstance(event)) {
      E typed = eventType.cast(event);
      call(() -> listener.onEvent(typed));
    }
  }

  void state(FeedState state) {
    call(() -> listener.onStateChange(state));
  }

  private void call(Runnable callback) {
    try {
      callback.run();
    } catch (RuntimeException | AssertionError e) {
      // A faulty listener must not stop the feed the rest of the application relies on.
      LOG.log(System.Logger.Level.WARNING, "Feed " + name + ": listener failed", e);
    }
  }
}
