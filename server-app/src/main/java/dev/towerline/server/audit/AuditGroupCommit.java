package dev.towerline.server.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit of audit rows: the rows of requests that arrive while another batch is being
 * committed wait in a queue, and whichever of their threads takes the write lock next inserts all
 * of them in one transaction. Each caller returns only once its own row is committed (durable
 * before the answer, as with one transaction per row), but concurrent writes share one commit
 * instead of taking a commit each. Needs no thread of its own: the queue only ever holds the rows
 * of callers blocked in {@link #insert}, so it is bounded by the number of writing threads.
 */
final class AuditGroupCommit {
  /** Rows per transaction at most: bounds a batch's time and its connection's memory. */
  static final int MAX_BATCH = 64;

  private record Pending(AuditEvent event, Instant at, CompletableFuture<Long> id) {}

  private final AuditStore store;
  private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
  private final ReentrantLock writing = new ReentrantLock();

  AuditGroupCommit(AuditStore store) {
    this.store = store;
  }

  /**
   * Inserts {@code event} recorded {@code at} and returns its id once committed.
   *
   * @throws AuditUnavailableException when the transaction that carried the row failed
   */
  long insert(AuditEvent event, Instant at) {
    Pending mine = new Pending(event, at, new CompletableFuture<>());
    waiting.add(mine);
    writing.lock();
    try {
      // A thread that held the lock meanwhile may have committed this row already.
      while (!mine.id().isDone()) {
        commitWaiting();
      }
    } finally {
      writing.unlock();
    }
    try {
      return mine.id().join();
    } catch (CompletionException e) {
      // Thrown anew so that each caller's stack shows its own request.
      throw new AuditUnavailableException(e.getCause().getMessage(), e.getCause().getCause());
    }
  }

  // Callers hold the write lock.
  private void commitWaiting() {
    List<Pending> batch = new ArrayList<>();
    for (Pending next = waiting.poll(); next != null; next = batch.size() < MAX_BATCH ? waiting.poll() : null) {
      batch.add(next);
    }
    List<AuditStore.Row> rows = new ArrayList<>(batch.size());
    for (Pending pending : batch) {
      rows.add(new AuditStore.Row(pending.event(), pending.at()));
    }
    Throwable failure = null;
    try {
      List<Long> ids = store.insertAll(rows);
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).id().complete(ids.get(i));
      }
    } catch (AuditUnavailableException e) {
      failure = e;
    } catch (Throwable e) {
      failure = new AuditUnavailableException("audit log write failed: " + e, e);
      throw e;
    } finally {
      // Only the requests of this batch fail; the next batch tries the database again.
      for (Pending pending : batch) {
        if (!pending.id().isDone()) {
          pending.id().completeExceptionally(failure != null ? failure : new AuditUnavailableException("audit row not written", null));
        }
      }
    }
  }
}
