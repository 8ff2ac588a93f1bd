package dev.towerline.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.protocol.FeedEvent;
import dev.towerline.protocol.ResyncRequired;
import dev.towerline.protocol.Snapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Records what a subscription hands its listener (okhttp {@code WebSocketRecorder} style): take
 * callbacks in order with {@code assertNext…}, and {@link #assertExhausted()} at the end.
 */
final class FeedRecorder<E extends FeedEvent> implements FeedListener<E> {

  private static final Duration WAIT = Duration.ofSeconds(10);

  record Resync(Snapshot snapshot, ResyncRequired reason) {}

  private final BlockingQueue<Object> callbacks = new LinkedBlockingQueue<>();
  private final List<FeedState> states = Collections.synchronizedList(new ArrayList<>());
  private final Set<String> threads = ConcurrentHashMap.newKeySet();
  private volatile Predicate<E> failOn = event -> false;

  /** Makes {@link #onEvent} throw (after recording) for the events {@code failOn} picks. */
  FeedRecorder<E> failingOn(Predicate<E> failOn) {
    this.failOn = failOn;
    return this;
  }

  @Override
  public void onSnapshot(Snapshot snapshot) {
    threads.add(Thread.currentThread().getName());
    callbacks.add(snapshot);
  }

  @Override
  public void onEvent(E event) {
    threads.add(Thread.currentThread().getName());
    callbacks.add(event);
    if (failOn.test(event)) {
      throw new IllegalStateException("listener bug on seq " + event.getSeq());
    }
  }

  @Override
  public void onResync(Snapshot snapshot, ResyncRequired reason) {
    threads.add(Thread.currentThread().getName());
    callbacks.add(new Resync(snapshot, reason));
  }

  @Override
  public void onStateChange(FeedState state) {
    threads.add(Thread.currentThread().getName());
    states.add(state);
  }

  Snapshot assertNextSnapshot(long seq) throws InterruptedException {
    Snapshot snapshot = next(Snapshot.class);
    assertThat(snapshot.getSeq()).as("snapshot seq").isEqualTo(seq);
    return snapshot;
  }

  E assertNextEvent(long seq) throws InterruptedException {
    @SuppressWarnings("unchecked")
    E event = (E) next(FeedEvent.class);
    assertThat(event.getSeq()).as("event seq").isEqualTo(seq);
    return event;
  }

  Resync assertNextResync(long seq) throws InterruptedException {
    Resync resync = next(Resync.class);
    assertThat(resync.snapshot().getSeq()).as("resync snapshot seq").isEqualTo(seq);
    return resync;
  }

  /** Waits for a state the predicate accepts, and returns it. */
  FeedState awaitState(Predicate<FeedState> wanted) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      synchronized (states) {
        for (FeedState state : states) {
          if (wanted.test(state)) {
            return state;
          }
        }
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no such state within " + WAIT + "; saw " + states());
  }

  FeedState awaitPhase(FeedState.Phase phase) throws InterruptedException {
    return awaitState(state -> state.phase() == phase);
  }

  List<FeedState> states() {
    synchronized (states) {
      return List.copyOf(states);
    }
  }

  Set<String> callbackThreads() {
    return Set.copyOf(threads);
  }

  void assertExhausted() throws InterruptedException {
    Object extra = callbacks.poll(200, TimeUnit.MILLISECONDS);
    assertThat(extra).as("callback nobody expected").isNull();
  }

  private <T> T next(Class<T> type) throws InterruptedException {
    Object callback = callbacks.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(callback).as("next callback within " + WAIT).isNotNull();
    assertThat(callback).isInstanceOf(type);
    return type.cast(callback);
  }
}
