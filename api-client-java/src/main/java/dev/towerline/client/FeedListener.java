package dev.towerline.client;

import dev.towerline.protocol.FeedEvent;
import dev.towerline.protocol.ResyncRequired;
import dev.towerline.protocol.Snapshot;

/**
 * Receives one feed subscription: first the {@link #onSnapshot snapshot}, then every event once,
 * in {@code seq} order, across reconnects. Only {@link #onEvent} must be written:
 *
 * <pre>{@code
 * FeedSubscription devices = towerline.watchDevices(new FeedListener<DeviceUpdated>() {
 *   public void onSnapshot(Snapshot snapshot) { table.replaceAll(snapshot.getDevices()); }
 *   public void onEvent(DeviceUpdated event) { table.put(event.getDevice()); }
 *   public void onStateChange(FeedState state) { statusBar.show(state.toString()); }
 * });
 * }</pre>
 *
 * <p>Callbacks of one subscription run on its own SDK thread, one at a time, never concurrently. A
 * callback that throws is logged and the feed goes on; a slow one delays the events after it but
 * not the heartbeat.
 *
 * @param <E> the feed's event type: {@link dev.towerline.protocol.DeviceUpdated}, {@link
 *     FeedEvent} (executions: {@link dev.towerline.protocol.ExecutionUpdated} or {@link
 *     dev.towerline.protocol.ExecutionOutputChunk}), {@link dev.towerline.protocol.Stats}
 */
@FunctionalInterface
public interface FeedListener<E extends FeedEvent> {

  /**
   * The feed's state on first connect ({@code devices}, {@code executions} queued or running,
   * or {@code stats}), valid at {@link Snapshot#getSeq()}; events after it follow. Default: nothing.
   */
  default void onSnapshot(Snapshot snapshot) {}

  /** One event; its {@code seq} is higher than any handed over before. */
  void onEvent(E event);

  /**
   * The server could not replay what was missed (the gap is older than its log, or its log was
   * replaced) and sent a fresh snapshot: replace the whole state with it. Events after it follow.
   * Default: {@link #onSnapshot}.
   */
  default void onResync(Snapshot snapshot, ResyncRequired reason) {
    onSnapshot(snapshot);
  }

  /** The connection state changed; see {@link FeedState}. Default: nothing. */
  default void onStateChange(FeedState state) {}
}
