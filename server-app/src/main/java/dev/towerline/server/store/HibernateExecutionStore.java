package dev.towerline.server.store;

import dev.towerline.protocol.ExecutionStatus;
import dev.towerline.server.error.ApiException;
import dev.towerline.server.executions.DuplicateIdempotencyKeyException;
import dev.towerline.server.executions.ExecutionCursor;
import dev.towerline.server.executions.ExecutionQuery;
import dev.towerline.server.executions.ExecutionRecord;
import dev.towerline.server.executions.ExecutionStore;
import dev.towerline.server.executions.IdempotencyKey;
import dev.towerline.server.executions.OutputChunk;
import dev.towerline.server.executions.WrittenWithInsert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.hibernate.Session;
import org.hibernate.jdbc.Work;
import org.hibernate.query.Query;

/**
 * {@link ExecutionStore} over Hibernate: one short transaction per call, except that creates
 * arriving together share one, and so do status changes ({@link GroupCommit}, {@link
 * UpdateGroupCommit}).
 */
public final class HibernateExecutionStore implements ExecutionStore {
  /** Output rows fetched per round trip while reading. */
  private static final int READ_BATCH = 32;

  private final Persistence persistence;
  private final ExecutionRows rows = new ExecutionRows();
  private final LockedExecutionUpdate lockedUpdate = new LockedExecutionUpdate(rows);
  private final ExecutionInsert rowInsert = new ExecutionInsert(rows);
  private final UpdateGroupCommit updates = new UpdateGroupCommit(this::updateTogether);
  private final GroupCommit<ExecutionInsert.Row, Boolean> creates =
      new GroupCommit<>(this::insertTogether, this::insertAlone, UpdateGroupCommit.MAX_BATCH);

  public HibernateExecutionStore(Persistence persistence) {
    this.persistence = persistence;
  }

  @Override
  public void insert(ExecutionRecord execution, Optional<IdempotencyKey> key, WrittenWithInsert alongside) {
    Optional<ExecutionInsert.Row> row = asOneRoundTrip(execution, key, alongside);
    if (row.isPresent()) {
      creates.apply(row.get());
    } else if (alongside == WrittenWithInsert.NOTHING) {
      insertAgainIfKeyExpired(execution, key, () -> inAutoCommit(connection -> rowInsert.apply(connection, execution, key)));
    } else {
      insertAgainIfKeyExpired(execution, key, () -> inTransaction(session -> {
        session.doWork(connection -> {
          rowInsert.apply(connection, execution, key);
          alongside.write(connection, execution);
        });
        return null;
      }));
    }
  }

  /**
   * The create as a row that goes with its write alongside in one multi-statement round trip, where
   * the database takes several statements in one (PostgreSQL), so that creates can also share one;
   * empty where each statement is a call of its own (H2 is embedded: no round trips to save).
   */
  private Optional<ExecutionInsert.Row> asOneRoundTrip(ExecutionRecord execution, Optional<IdempotencyKey> key, WrittenWithInsert alongside) {
    if (!persistence.combinesStatements()) {
      return Optional.empty();
    }
    Optional<WrittenWithInsert.Statement> statement =
        alongside == WrittenWithInsert.NOTHING ? Optional.empty() : alongside.asStatement(execution);
    if (alongside != WrittenWithInsert.NOTHING && statement.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ExecutionInsert.Row(execution, key, statement));
  }

  /**
   * Creates that arrive while others commit share one multi-statement round trip and commit (see
   * {@link GroupCommit}): on PostgreSQL each create would otherwise hold a pooled connection for its
   * own round trip and commit, and at ten concurrent creates plus the runs' and feeds' writes the
   * pool of ten was often empty, so creates queued for a connection.
   */
  private List<Boolean> insertTogether(List<ExecutionInsert.Row> group) {
    inAutoCommit(connection -> rowInsert.applyAll(connection, group));
    group.forEach(row -> row.alongside().ifPresent(statement -> statement.written().run()));
    return group.stream().map(row -> Boolean.TRUE).toList();
  }

  /** Creates waiting for the one being committed. */
  int createsWaiting() {
    return creates.waiting();
  }

  private Boolean insertAlone(ExecutionInsert.Row row) {
    insertAgainIfKeyExpired(row.execution(), row.key(), () -> insertTogether(List.of(row)));
    return Boolean.TRUE;
  }

  /** Runs {@code insert}; when the key is still held by an expired row, releases it and runs it once more. */
  private void insertAgainIfKeyExpired(ExecutionRecord execution, Optional<IdempotencyKey> key, Runnable insert) {
    try {
      insert.run();
    } catch (RuntimeException e) {
      if (key.isEmpty() || e instanceof ApiException || !StoreFailures.isDuplicateKey(e)) {
        throw e;
      }
      // Rarely a row still holds the key after it expired (not purged yet): release it and try once
      // more. Doing this only on a collision keeps the common create to one statement.
      if (releaseExpiredKey(key.get().key(), execution.createdAt()) == 0) {
        throw new DuplicateIdempotencyKeyException(key.get().key(), e);
      }
      try {
        insert.run();
      } catch (RuntimeException again) {
        if (!(again instanceof ApiException) && StoreFailures.isDuplicateKey(again)) {
          throw new DuplicateIdempotencyKeyException(key.get().key(), again);
        }
        throw again;
      }
    }
  }

  private int releaseExpiredKey(String key, Instant now) {
    return inTransaction(session ->
        session.createMutationQuery(
                "update ExecutionEntity set idempotencyKey = null, requestFingerprint = null, keyExpiresAt = null "
                    + "where idempotencyKey = :key and keyExpiresAt <= :now")
            .setParameter("key", key)
            .setParameter("now", now)
            .executeUpdate());
  }

  @Override
  public Optional<ExecutionRecord> find(String id) {
    return inTransaction(session -> Optional.ofNullable(session.find(ExecutionEntity.class, id)).map(rows::toRecord));
  }

  @Override
  public Optional<KeyedExecution> findByKey(String key, Instant now) {
    return inTransaction(session ->
        session.createSelectionQuery("from ExecutionEntity where idempotencyKey = :key and keyExpiresAt > :now", ExecutionEntity.class)
            .setParameter("key", key)
            .setParameter("now", now)
            .uniqueResultOptional()
            .map(row -> new KeyedExecution(rows.toRecord(row), rows.keyOf(row))));
  }

  @Override
  public Optional<ExecutionRecord> update(String id, UnaryOperator<ExecutionRecord> change) {
    return updates.apply(id, change);
  }

  /** Applies {@code changes} in one transaction, in order, each as {@link #update} alone would. */
  private List<Optional<ExecutionRecord>> updateTogether(List<UpdateGroupCommit.Change> changes) {
    return inTransaction(session -> session.doReturningWork(connection -> lockedUpdate.applyAll(connection, changes)));
  }

  @Override
  public void appendOutput(String id, OutputProgress progress, List<OutputChunk> chunks) {
    inTransaction(session -> {
      for (OutputChunk chunk : chunks) {
        OutputChunkEntity row = new OutputChunkEntity();
        row.executionId = id;
        row.startOffset = chunk.offset();
        row.byteLength = chunk.byteLength();
        row.text = chunk.data();
        session.persist(row);
      }
      session.flush();
      if (progress.availableFrom() > 0) {
        session.createMutationQuery("delete from OutputChunkEntity where executionId = :id and startOffset < :from")
            .setParameter("id", id)
            .setParameter("from", progress.availableFrom())
            .executeUpdate();
      }
      session.createMutationQuery(
              "update ExecutionEntity set outputBytes = :bytes, outputTruncated = :truncated, availableFrom = :from "
                  + "where id = :id and outputBytes <= :bytes")
          .setParameter("bytes", progress.outputBytes())
          .setParameter("truncated", progress.truncated())
          .setParameter("from", progress.availableFrom())
          .setParameter("id", id)
          .executeUpdate();
      return null;
    });
  }

  @Override
  public List<OutputChunk> readOutput(String id, long from, int maxBytes) {
    return inTransaction(session -> {
      List<OutputChunk> chunks = new ArrayList<>();
      long covered = 0;
      long after = from;
      while (covered < maxBytes) {
        List<OutputChunkEntity> batch =
            session.createSelectionQuery(
                    "from OutputChunkEntity where executionId = :id and startOffset + byteLength > :after order by startOffset",
                    OutputChunkEntity.class)
                .setParameter("id", id)
                .setParameter("after", after)
                .setMaxResults(READ_BATCH)
                .getResultList();
        for (OutputChunkEntity row : batch) {
          chunks.add(new OutputChunk(row.startOffset, row.byteLength, row.text));
          covered += row.startOffset + row.byteLength - Math.max(row.startOffset, after);
          after = row.startOffset + row.byteLength;
        }
        if (batch.size() < READ_BATCH) {
          break;
        }
      }
      return chunks;
    });
  }

  @Override
  public List<ExecutionRecord> list(ExecutionQuery query, Optional<ExecutionCursor> after, int limit) {
    StringBuilder hql = new StringBuilder("from ExecutionEntity e where 1 = 1");
    Map<String, Object> parameters = new HashMap<>();
    if (query.status() != null) {
      hql.append(" and e.status = :status");
      parameters.put("status", query.status().value());
    }
    if (query.deviceSerial() != null) {
      hql.append(" and e.deviceSerial = :serial");
      parameters.put("serial", query.deviceSerial());
    }
    if (query.createdAfter() != null) {
      hql.append(" and e.createdAt >= :createdAfter");
      parameters.put("createdAfter", query.createdAfter());
    }
    if (query.createdBefore() != null) {
      hql.append(" and e.createdAt < :createdBefore");
      parameters.put("createdBefore", query.createdBefore());
    }
    String direction = query.newestFirst() ? "<" : ">";
    after.ifPresent(cursor -> {
      hql.append(" and (e.createdAt ").append(direction).append(" :cursorAt or (e.createdAt = :cursorAt and e.id ")
          .append(direction).append(" :cursorId))");
      parameters.put("cursorAt", cursor.createdAt());
      parameters.put("cursorId", cursor.id());
    });
    String order = query.newestFirst() ? " desc" : " asc";
    hql.append(" order by e.createdAt").append(order).append(", e.id").append(order);
    return inTransaction(session -> {
      Query<ExecutionEntity> select = session.createQuery(hql.toString(), ExecutionEntity.class);
      parameters.forEach(select::setParameter);
      return select.setMaxResults(limit).getResultList().stream().map(rows::toRecord).toList();
    });
  }

  @Override
  public List<ExecutionRecord> unfinished() {
    return inTransaction(session ->
        session.createSelectionQuery("from ExecutionEntity where status in (:active) order by createdAt, id", ExecutionEntity.class)
            .setParameter("active", List.of(ExecutionStatus.QUEUED.value(), ExecutionStatus.RUNNING.value()))
            .getResultList()
            .stream()
            .map(rows::toRecord)
            .toList());
  }

  @Override
  public int purgeExpiredKeys(Instant now) {
    return inTransaction(session ->
        session.createMutationQuery(
                "update ExecutionEntity set idempotencyKey = null, requestFingerprint = null, keyExpiresAt = null "
                    + "where keyExpiresAt <= :now")
            .setParameter("now", now)
            .executeUpdate());
  }

  /** Runs {@code work} on a connection in auto-commit: each statement (string) commits on its own. */
  private void inAutoCommit(Work work) {
    translated(() -> persistence.sessions().fromSession(session -> {
      session.doWork(connection -> {
        if (!connection.getAutoCommit()) {
          throw new IllegalStateException("the pool handed out a connection with auto-commit off");
        }
        work.execute(connection);
      });
      return null;
    }));
  }

  private <T> T inTransaction(Function<Session, T> work) {
    return translated(() -> persistence.sessions().fromTransaction(work));
  }

  private static <T> T translated(Supplier<T> access) {
    try {
      return access.get();
    } catch (ApiException | DuplicateIdempotencyKeyException e) {
      throw e;
    } catch (RuntimeException e) {
      if (StoreFailures.isOutage(e)) {
        throw StoreFailures.unavailable(e);
      }
      throw e;
    }
  }
}
