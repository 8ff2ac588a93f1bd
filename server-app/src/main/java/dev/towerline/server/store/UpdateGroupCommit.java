package dev.towerline.server.store;

import dev.towerline.server.executions.ExecutionRecord;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Group commit of status changes. Every execution is changed at least twice in the background
 * (running, then its final status) by the run threads, and each change was a transaction and a
 * commit of its own. Changes that arrive together share one transaction ({@link GroupCommit}), each
 * under its row lock and in arrival order, exactly as alone; a change that throws, or a lock
 * conflict with a multi-row purge, makes each change of the group be applied again alone.
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

  private final GroupCommit<Change, Optional<ExecutionRecord>> changes;

  UpdateGroupCommit(Transaction transaction) {
    this.changes = new GroupCommit<>(transaction::apply, change -> transaction.apply(List.of(change)).get(0), MAX_BATCH);
  }

  /** As {@link dev.towerline.server.executions.ExecutionStore#update}: returns once committed. */
  Optional<ExecutionRecord> apply(String id, UnaryOperator<ExecutionRecord> change) {
    return changes.apply(new Change(id, change));
  }

  /** Changes waiting for the write lock. */
  int waiting() {
    return changes.waiting();
  }
}
