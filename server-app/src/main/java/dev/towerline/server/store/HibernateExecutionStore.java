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
 * {@link ExecutionStore} over Hibernate: one short transaction per call, except that status changes
 * arriving together share one ({@link UpdateGroupCommit}).
 */
public final class HibernateExecutionStore implements ExecutionStore {
  /** Output rows fetched per round trip while reading. */
  private static final int READ_BATCH = 32;

  private final Persistence persistence;
  private final ExecutionRows rows = new ExecutionRows();
  private final LockedExecutionUpdate lockedUpdate = new LockedExecutionUpdate(rows);
  private final ExecutionInsert rowInsert = new ExecutionInsert(rows);
  private final UpdateGroupCommit updates = new UpdateGroupCommit(this::updateTogether);

  public HibernateExecutionStore(Persistence persistence) {
    this.persistence = persistence;
  }

  @Override
  public void insert(ExecutionRecord execution, Optional<IdempotencyKey> key, WrittenWithInsert alongside) {
    try {
      persist(execution, key, alongside);
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
        persist(execution, key, alongside);
      } catch (RuntimeException again) {
        if (!(again instanceof ApiException) && StoreFailures.isDuplicateKey(again)) {
          throw new DuplicateIdempotencyKeyException(key.get().key(), again);
        }
        throw again;
      }
    }
  }

  /**
   * The insert's transaction. Where the database takes several statements in one round trip, the
   * insert and the write alongside go as one multi-statement string in auto-commit, so a create
   * waits for one round trip (the commit's) instead of three: insert, write alongside, commit.
   */
  private void persist(ExecutionRecord execution, Optional<IdempotencyKey> key, WrittenWithInsert alongside) {
    if (alongside == WrittenWithInsert.NOTHING) {
      inAutoCommit(connection -> rowInsert.apply(connection, execution, key));
      return;
    }
    Optional<WrittenWithInsert.Statement> together =
        persistence.combinesStatements() ? alongside.asStatement(execution) : Optional.empty();
    if (together.isPresent()) {
      inAutoCommit(connection -> rowInsert.applyTogether(connection, execution, key, together.get()));
      together.get().written().run();
      return;
    }
    inTransaction(session -> {
      session.doWork(connection -> {
        rowInsert.apply(connection, execution, key);
        alongside.write(connection, execution);
      });
      return null;
    });
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
