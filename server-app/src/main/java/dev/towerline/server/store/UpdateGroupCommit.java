package dev.towerline.server.store;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.error.ApiException;
import dev.towerline.server.executions.ExecutionRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * Group commit of status changes. Every execution is changed at least twice in the background
 * (running, then its final status) by the run threads, and each change was a transaction and a
 * commit of its own. The changes that arrive while another group is being committed wait in a
 * queue, and whichever of their threads takes the write lock next applies all of them in one
 * transaction, each under its row lock and in arrival order, exactly as alone. Each caller returns
 * only once its own change is committed. When the shared transaction fails for anything but an
 * outage (a change that throws, a lock conflict with a multi-row purge), each change of the group
 * is applied again alone, so one cannot fail the others. Needs no thread of its own: the queue only
 * holds the changes of callers blocked in {@link #apply}.
 */
final class UpdateGroupCommit {
  /** Changes per transaction at most: bounds how long one group holds its row locks. */
  static final int MAX_BATCH = 32;

  /** Runs changes in one transaction: the stored results in the order of the changes. */
  interface Transaction {
    List<Optional<ExecutionRecord>> apply(List<Change> changes);
  }

  /** One change of one execution, as {@link dev.towerline.server.executions.ExecutionStore#update} takes it. */
  record Change(String id, UnaryOperator<ExecutionRecord> change) {}

  private record Pending(Change change, CompletableFuture<Optional<ExecutionRecord>> result) {}

  private final Transaction transaction;
  private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
  private final ReentrantLock writing = new ReentrantLock();

  UpdateGroupCommit(Transaction transaction) {
    this.transaction = transaction;
  }

  /** As {@link dev.towerline.server.executions.ExecutionStore#update}: returns once committed. */
  Optional<ExecutionRecord> apply(String id, UnaryOperator<ExecutionRecord> change) {
    Pending mine = new Pending(new Change(id, change), new CompletableFuture<>());
    waiting.add(mine);
    writing.lock();
    try {
      // A thread that held the lock meanwhile may have committed this change already.
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

  /** Changes waiting for the write lock. */
  int waiting() {
    return waiting.size();
  }

  // Callers hold the write lock.
  private void commitWaiting() {
    List<Pending> batch = new ArrayList<>();
    for (Pending next = waiting.poll(); next != null; next = batch.size() < MAX_BATCH ? waiting.poll() : null) {
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
      for (Pending pending : batch) {
        pending.result().completeExceptionally(new IllegalStateException("the change's transaction ended abruptly"));
      }
    }
  }

  private void applyTogether(List<Pending> batch) {
    List<Optional<ExecutionRecord>> results;
    try {
      results = transaction.apply(batch.stream().map(Pending::change).toList());
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

  private void applyAlone(Pending pending) {
    try {
      pending.result().complete(transaction.apply(List.of(pending.change())).get(0));
    } catch (RuntimeException e) {
      pending.result().completeExceptionally(e);
    }
  }
}
