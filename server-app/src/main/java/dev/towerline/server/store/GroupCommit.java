package dev.towerline.server.store;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.error.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Group commit of writes that each would be a transaction of their own. The writes that arrive
 * while another group is being committed wait in a queue, and whichever of their threads takes the
 * write lock next runs all of them in one transaction ({@code together}). Each caller returns only
 * once its own write is committed. When the shared transaction fails for anything but an outage (a
 * write that throws, a refused key, a lock conflict), each write of the group is run again {@code
 * alone}, so one cannot fail the others. Needs no thread of its own: the queue only holds the
 * writes of callers blocked in {@link #apply}.
 *
 * @param <W> one write
 * @param <R> its result
 */
final class GroupCommit<W, R> {
  private record Pending<W, R>(W write, CompletableFuture<R> result) {}

  private final Function<List<W>, List<R>> together;
  private final Function<W, R> alone;
  private final int maxBatch;
  private final Queue<Pending<W, R>> waiting = new ConcurrentLinkedQueue<>();
  private final ReentrantLock writing = new ReentrantLock();

  /**
   * @param together runs writes in one transaction: the results in the order of the writes
   * @param alone runs one write in a transaction of its own
   * @param maxBatch writes per transaction at most: bounds how long one group holds its locks
   */
  GroupCommit(Function<List<W>, List<R>> together, Function<W, R> alone, int maxBatch) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be at least 1: " + maxBatch);
    }
    this.together = together;
    this.alone = alone;
    this.maxBatch = maxBatch;
  }

  /** Runs {@code write}, in a group with the writes waiting now; returns once it is committed. */
  R apply(W write) {
    Pending<W, R> mine = new Pending<>(write, new CompletableFuture<>());
    waiting.add(mine);
    writing.lock();
    try {
      // A thread that held the lock meanwhile may have committed this write already.
      while (!mine.result().isDone()) {
        commitWaiting();
      }
    } finally {
      writing.unlock();
    }
    try {
      return mine.result().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException failure ? failure : e;
    }
  }

  /** Writes waiting for the write lock. */
  int waiting() {
    return waiting.size();
  }

  // Callers hold the write lock.
  private void commitWaiting() {
    List<Pending<W, R>> batch = new ArrayList<>();
    for (Pending<W, R> next = waiting.poll(); next != null; next = batch.size() < maxBatch ? waiting.poll() : null) {
      batch.add(next);
    }
    try {
      if (batch.size() == 1) {
        applyAlone(batch.get(0));
      } else if (batch.size() > 1) {
        applyTogether(batch);
      }
    } finally {
      // Whatever was thrown, no caller of this group waits for ever.
      for (Pending<W, R> pending : batch) {
        pending.result().completeExceptionally(new IllegalStateException("the write's transaction ended abruptly"));
      }
    }
  }

  private void applyTogether(List<Pending<W, R>> batch) {
    List<R> results;
    try {
      results = together.apply(batch.stream().map(Pending::write).toList());
    } catch (ApiException e) {
      if (e.code() == ErrorCode.DATABASE_UNAVAILABLE) {
        batch.forEach(pending -> pending.result().completeExceptionally(e));
      } else {
        batch.forEach(this::applyAlone);
      }
      return;
    } catch (RuntimeException e) {
      batch.forEach(this::applyAlone);
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).result().complete(results.get(i));
    }
  }

  private void applyAlone(Pending<W, R> pending) {
    try {
      pending.result().complete(alone.apply(pending.write()));
    } catch (RuntimeException e) {
      pending.result().completeExceptionally(e);
    }
  }
}
