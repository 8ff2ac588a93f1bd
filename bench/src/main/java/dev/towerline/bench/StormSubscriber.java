package dev.towerline.bench;

import dev.towerline.client.FeedListener;
import dev.towerline.client.FeedState;
import dev.towerline.protocol.DeviceUpdated;
import dev.towerline.protocol.ResyncRequired;
import dev.towerline.protocol.Snapshot;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** One SDK subscription of the storm: the seqs it got, duplicates, resyncs, when it was live again. */
final class StormSubscriber implements FeedListener<DeviceUpdated> {
  private final Set<Long> seqs = ConcurrentHashMap.newKeySet();
  private final AtomicInteger duplicates = new AtomicInteger();
  private final AtomicInteger resyncs = new AtomicInteger();
  private volatile long snapshotSeq = -1;
  private volatile long resyncSeq = -1;
  private volatile boolean live;
  private volatile boolean lostSinceMark;
  private volatile long marked;
  private volatile long liveAgainNanos;
  private volatile long highestSeq = -1;

  @Override
  public void onSnapshot(Snapshot snapshot) {
    if (snapshotSeq < 0) {
      snapshotSeq = snapshot.getSeq();
    }
  }

  @Override
  public void onResync(Snapshot snapshot, ResyncRequired reason) {
    resyncs.incrementAndGet();
    resyncSeq = snapshot.getSeq();
  }

  @Override
  public void onEvent(DeviceUpdated event) {
    if (!seqs.add(event.getSeq())) {
      duplicates.incrementAndGet();
    }
    highestSeq = Math.max(highestSeq, event.getSeq());
  }

  @Override
  public void onStateChange(FeedState state) {
    live = state.isLive();
    if (marked != 0 && !live && state.phase() != FeedState.Phase.CLOSED) {
      lostSinceMark = true;
    } else if (marked != 0 && live && lostSinceMark && liveAgainNanos == 0) {
      liveAgainNanos = System.nanoTime();
    }
  }

  /** From now on a lost connection and the next LIVE count as the restart's. */
  void mark() {
    marked = System.nanoTime();
  }

  boolean live() {
    return live;
  }

  boolean resumed() {
    return liveAgainNanos != 0;
  }

  long liveAgainNanos() {
    return liveAgainNanos;
  }

  /** True once it has been handed an event at or after {@code seq} (or its snapshot or a resync covers it). */
  boolean reached(long seq) {
    return highestSeq >= seq || snapshotSeq >= seq || resyncSeq >= seq;
  }

  long snapshotSeq() {
    return snapshotSeq;
  }

  /** Seqs of {@code log} after this subscription's snapshot that it never got (a resync's snapshot covers those before it). */
  long missed(Iterable<Long> log) {
    long missed = 0;
    for (long seq : log) {
      if (seq > snapshotSeq && seq > resyncSeq && !seqs.contains(seq)) {
        missed++;
      }
    }
    return missed;
  }

  int duplicates() {
    return duplicates.get();
  }

  int resyncs() {
    return resyncs.get();
  }
}
