package dev.towerline.sdkit.feeds;

import dev.towerline.client.FeedListener;
import dev.towerline.client.FeedState;
import dev.towerline.protocol.FeedEvent;
import dev.towerline.protocol.ResyncRequired;
import dev.towerline.protocol.Snapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What a subscription handed its listener, kept in order for comparing with the server's log. */
final class DeliveredEvents<E extends FeedEvent> implements FeedListener<E> {

  private final List<Snapshot> snapshots = Collections.synchronizedList(new ArrayList<>());
  private final List<E> events = Collections.synchronizedList(new ArrayList<>());
  private final List<FeedState> states = Collections.synchronizedList(new ArrayList<>());
  private volatile int resyncs;

  @Override
  public void onSnapshot(Snapshot snapshot) {
    snapshots.add(snapshot);
  }

  @Override
  public void onEvent(E event) {
    events.add(event);
  }

  @Override
  public void onResync(Snapshot snapshot, ResyncRequired reason) {
    resyncs++;
    snapshots.add(snapshot);
  }

  @Override
  public void onStateChange(FeedState state) {
    states.add(state);
  }

  List<Snapshot> snapshots() {
    return List.copyOf(snapshots);
  }

  List<E> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  List<Long> seqs() {
    return events().stream().map(FeedEvent::getSeq).toList();
  }

  int resyncs() {
    return resyncs;
  }

  List<FeedState> states() {
    synchronized (states) {
      return List.copyOf(states);
    }
  }
}
