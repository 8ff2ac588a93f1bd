package dev.towerline.client;

import java.util.OptionalLong;

/**
 * A running feed subscription, from {@link TowerlineClient#watchDevices} and its siblings. It
 * connects, reconnects and resumes by itself until {@link #close()} (or the client's close).
 */
public interface FeedSubscription extends AutoCloseable {

  /** The connection state now; the listener is told each change. */
  FeedState state();

  /** The seq of the last snapshot or event handed to the listener; empty before the first snapshot. */
  OptionalLong lastSeq();

  /**
   * Stops the subscription: the socket is closed, its thread ends and the listener is called no
   * more (after a final {@link FeedState.Phase#CLOSED}). Idempotent; may be called from a callback.
   */
  @Override
  void close();
}
