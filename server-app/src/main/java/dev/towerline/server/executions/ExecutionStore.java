package dev.towerline.server.executions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where executions, their output and their idempotency keys live. Implemented over Hibernate in
 * {@code store}; shaped so that several server instances could share one PostgreSQL (keys are
 * unique rows, status changes are row-locked read-modify-writes).
 *
 * <p>Every method throws {@link dev.towerline.server.error.ApiException} {@code
 * DATABASE_UNAVAILABLE} when the database cannot be reached, quickly rather than hanging.
 */
public interface ExecutionStore {

  /**
   * Stores a new execution, with its idempotency key if it has one, in one transaction.
   *
   * @throws DuplicateIdempotencyKeyException when an unexpired row already holds the key
   */
  default void insert(ExecutionRecord execution, Optional<IdempotencyKey> key) {
    insert(execution, key, WrittenWithInsert.NOTHING);
  }

  /**
   * Stores a new execution, with its idempotency key if it has one, and {@code alongside} in one
   * transaction.
   *
   * @throws DuplicateIdempotencyKeyException when an unexpired row already holds the key
   */
  void insert(ExecutionRecord execution, Optional<IdempotencyKey> key, WrittenWithInsert alongside);

  Optional<ExecutionRecord> find(String id);

  /** The execution holding {@code key}, if the key has not expired at {@code now}. */
  Optional<KeyedExecution> findByKey(String key, Instant now);

  /**
   * Changes one execution under a row lock: {@code change} sees the stored row and returns the row
   * to store, or the same instance to store nothing.
   *
   * @return the execution as stored afterwards; empty when there is no such execution
   */
  Optional<ExecutionRecord> update(String id, UnaryOperator<ExecutionRecord> change);

  /**
   * Appends output chunks, drops the stored ones that end at or before {@code
   * progress.availableFrom()} and stores the execution's output counters, in one transaction.
   */
  void appendOutput(String id, OutputProgress progress, List<OutputChunk> chunks);

  /** Retained chunks that end after {@code from}, in order, until at least {@code maxBytes} are covered. */
  List<OutputChunk> readOutput(String id, long from, int maxBytes);

  /** One page of executions matching {@code query}, after {@code after} (exclusive) when present. */
  List<ExecutionRecord> list(ExecutionQuery query, Optional<ExecutionCursor> after, int limit);

  /** Executions queued or running, oldest first. */
  List<ExecutionRecord> unfinished();

  /** Forgets idempotency keys that expired before {@code now}; the executions stay. */
  int purgeExpiredKeys(Instant now);

  /** An execution's output counters after a flush. */
  record OutputProgress(long outputBytes, boolean truncated, long availableFrom) {}

  /** An execution and the key it was created with. */
  record KeyedExecution(ExecutionRecord execution, IdempotencyKey key) {}
}
