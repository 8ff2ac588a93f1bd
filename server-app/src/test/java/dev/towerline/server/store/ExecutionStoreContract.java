package dev.towerline.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.protocol.ExecutionStatus;
import dev.towerline.server.executions.DuplicateIdempotencyKeyException;
import dev.towerline.server.executions.ExecutionCursor;
import dev.towerline.server.executions.ExecutionError;
import dev.towerline.server.executions.ExecutionQuery;
import dev.towerline.server.executions.ExecutionRecord;
import dev.towerline.server.executions.ExecutionStore;
import dev.towerline.server.executions.IdempotencyKey;
import dev.towerline.server.executions.NewExecution;
import dev.towerline.server.executions.OutputChunk;
import dev.towerline.server.executions.WrittenWithInsert;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * What {@link HibernateExecutionStore} must do on every database; {@link H2ExecutionStoreTest} and
 * {@link PostgresExecutionStoreTest} run it on H2 and on the machine's PostgreSQL.
 */
abstract class ExecutionStoreContract {
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00.123456Z");

  private static Database database;
  private static Persistence persistence;
  static ExecutionStore store;

  static void open(DatabaseConfig config) {
    database = Database.open(config, new SimpleMeterRegistry());
    persistence = new Persistence(database, Duration.ofSeconds(1));
    persistence.start(() -> {});
    assertThat(persistence.isReady()).as("migrated and validated").isTrue();
    store = new HibernateExecutionStore(persistence);
  }

  @AfterAll
  static void closeDatabase() {
    persistence.close();
    database.close();
  }

  private static ExecutionRecord queued(String serial, Instant at) {
    return ExecutionRecord.queued("ex_" + UUID.randomUUID(), new NewExecution(serial, "echo é", 60), at);
  }

  @Test
  void storesAnExecutionAndReadsBackEveryField() {
    ExecutionRecord execution = queued("dev-a", T0);
    store.insert(execution, Optional.empty());

    ExecutionError error = new ExecutionError(ErrorCode.COMMAND_FAILED, "Command exited with status 3", Map.of("exit_code", 3));
    ExecutionRecord failed =
        store.update(execution.id(), r -> r.started(T0.plusMillis(5)).finished(ExecutionStatus.FAILED, 3, error, T0.plusSeconds(2)))
            .orElseThrow();

    assertThat(store.find(execution.id())).contains(failed);
    assertThat(failed.toContract().getDurationMs()).isEqualTo(1995);
    assertThat(store.find("ex_missing")).isEmpty();
  }

  @Test
  void concurrentUpdatesOfOneExecutionNeverLoseAChange() throws Exception {
    ExecutionRecord execution = queued("dev-a", T0);
    store.insert(execution, Optional.empty());
    int threads = 6;
    int each = 20;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          for (int i = 0; i < each; i++) {
            store.update(execution.id(), r -> r.withOutput(r.outputBytes() + 1, false, 0));
          }
        }));
      }
      for (Future<?> thread : done) {
        thread.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.find(execution.id()).orElseThrow().outputBytes()).isEqualTo(threads * each);
  }

  @Test
  void anUpdateOfAnUnknownExecutionFindsNothingAndAnUnchangedRowStaysAsItWas() {
    assertThat(store.update("ex_missing", r -> r.started(T0))).isEmpty();
    ExecutionRecord execution = queued("dev-a", T0);
    store.insert(execution, Optional.empty());

    assertThat(store.update(execution.id(), r -> r)).contains(execution);
    assertThat(store.find(execution.id())).contains(execution);
  }

  @Test
  void commitsWhatIsWrittenAlongsideWithTheExecution() throws Exception {
    ExecutionRecord execution = queued("dev-a", T0);
    long marker = markerSeq();

    store.insert(execution, Optional.empty(), (connection, inserted) -> insertMarker(connection, marker));

    assertThat(store.find(execution.id())).contains(execution);
    assertThat(markerStored(marker)).isTrue();
  }

  @Test
  void aFailingWriteAlongsideStoresNeitherItNorTheExecution() throws Exception {
    ExecutionRecord execution = queued("dev-a", T0);
    long marker = markerSeq();

    assertThatThrownBy(() -> store.insert(execution, Optional.empty(), (connection, inserted) -> {
      insertMarker(connection, marker);
      throw new SQLException("the write alongside fails");
    })).hasRootCauseMessage("the write alongside fails");

    assertThat(store.find(execution.id())).isEmpty();
    assertThat(markerStored(marker)).isFalse();
  }

  @Test
  void aRefusedKeyStoresNothingWrittenAlongside() throws Exception {
    String key = "key-" + UUID.randomUUID();
    store.insert(queued("dev-a", T0), Optional.of(new IdempotencyKey(key, "f1", T0.plus(Duration.ofHours(24)))));
    long marker = markerSeq();

    assertThatThrownBy(() -> store.insert(
            queued("dev-a", T0),
            Optional.of(new IdempotencyKey(key, "f1", T0.plus(Duration.ofHours(24)))),
            (connection, inserted) -> insertMarker(connection, marker)))
        .isInstanceOf(DuplicateIdempotencyKeyException.class);

    assertThat(markerStored(marker)).isFalse();
  }

  @Test
  void commitsAStatementWrittenAlongsideWithTheExecution() throws Exception {
    ExecutionRecord execution = queued("dev-a", T0);
    MarkerAlongside marker = new MarkerAlongside(markerSeq(), "{}");

    store.insert(execution, Optional.empty(), marker);

    assertThat(store.find(execution.id())).contains(execution);
    assertThat(markerStored(marker.seq)).isTrue();
    assertThat(marker.written).as("told it was written").isTrue();
  }

  @Test
  void aFailingStatementAlongsideStoresNeitherItNorTheExecution() throws Exception {
    ExecutionRecord execution = queued("dev-a", T0);
    // feed_events.payload is NOT NULL: the statement alongside fails after the insert ran.
    MarkerAlongside marker = new MarkerAlongside(markerSeq(), null);

    assertThatThrownBy(() -> store.insert(execution, Optional.empty(), marker)).isInstanceOf(RuntimeException.class);

    assertThat(store.find(execution.id())).isEmpty();
    assertThat(markerStored(marker.seq)).isFalse();
    assertThat(marker.written).isFalse();
  }

  @Test
  void aRefusedKeyStoresNoStatementWrittenAlongside() throws Exception {
    String key = "key-" + UUID.randomUUID();
    store.insert(queued("dev-a", T0), Optional.of(new IdempotencyKey(key, "f1", T0.plus(Duration.ofHours(24)))));
    MarkerAlongside marker = new MarkerAlongside(markerSeq(), "{}");

    assertThatThrownBy(() -> store.insert(
            queued("dev-a", T0), Optional.of(new IdempotencyKey(key, "f1", T0.plus(Duration.ofHours(24)))), marker))
        .isInstanceOf(DuplicateIdempotencyKeyException.class);

    assertThat(markerStored(marker.seq)).isFalse();
    assertThat(marker.written).isFalse();
  }

  /** A marker row that is also one statement, as the audit entry of a create is. */
  private static final class MarkerAlongside implements WrittenWithInsert {
    private static final String INSERT = "INSERT INTO feed_events (feed, seq, created_at, payload) VALUES (?, ?, ?, ?)";
    final long seq;
    private final String payload;
    volatile boolean written;

    MarkerAlongside(long seq, String payload) {
      this.seq = seq;
      this.payload = payload;
    }

    @Override
    public void write(Connection connection, ExecutionRecord execution) throws SQLException {
      try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
        bind(insert, 1);
        insert.executeUpdate();
      }
      written = true;
    }

    @Override
    public Optional<Statement> asStatement(ExecutionRecord execution) {
      return Optional.of(new Statement(INSERT, this::bind, () -> written = true));
    }

    private void bind(PreparedStatement insert, int first) throws SQLException {
      insert.setString(first, MARKER_FEED);
      insert.setLong(first + 1, seq);
      insert.setObject(first + 2, OffsetDateTime.ofInstant(T0, ZoneOffset.UTC));
      insert.setString(first + 3, payload);
    }
  }

  // A feed event row of a feed no server publishes: any table would do.
  private static final String MARKER_FEED = "alongside-test";

  private static long markerSeq() {
    return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
  }

  private static void insertMarker(Connection connection, long seq) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO feed_events (feed, seq, created_at, payload) VALUES (?, ?, ?, '{}')")) {
      insert.setString(1, MARKER_FEED);
      insert.setLong(2, seq);
      insert.setObject(3, OffsetDateTime.ofInstant(T0, ZoneOffset.UTC));
      insert.executeUpdate();
    }
  }

  private static boolean markerStored(long seq) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM feed_events WHERE feed = ? AND seq = ?")) {
      select.setString(1, MARKER_FEED);
      select.setLong(2, seq);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getLong(1) == 1;
      }
    }
  }

  @Test
  void changesOfSeveralExecutionsTogetherChangeEachAndMissNone() throws Exception {
    List<ExecutionRecord> executions = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ExecutionRecord execution = queued("dev-a", T0);
      store.insert(execution, Optional.empty());
      executions.add(execution);
    }
    ExecutorService callers = Executors.newFixedThreadPool(executions.size() + 1);
    try {
      List<Future<Optional<ExecutionRecord>>> results = new ArrayList<>();
      for (ExecutionRecord execution : executions) {
        results.add(callers.submit(() -> store.update(execution.id(), r -> r.started(T0.plusSeconds(1)))));
      }
      Future<Optional<ExecutionRecord>> missing = callers.submit(() -> store.update("ex_missing-" + UUID.randomUUID(), r -> r.started(T0)));
      for (Future<Optional<ExecutionRecord>> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS).orElseThrow().status()).isEqualTo(ExecutionStatus.RUNNING);
      }
      assertThat(missing.get(30, TimeUnit.SECONDS)).isEmpty();
    } finally {
      callers.shutdownNow();
    }
    for (ExecutionRecord execution : executions) {
      assertThat(store.find(execution.id()).orElseThrow().status()).isEqualTo(ExecutionStatus.RUNNING);
    }
  }

  @Test
  void anIdempotencyKeyBelongsToOneExecution() {
    String key = "key-" + UUID.randomUUID();
    ExecutionRecord first = queued("dev-a", T0);
    store.insert(first, Optional.of(new IdempotencyKey(key, "f1", T0.plus(Duration.ofHours(24)))));

    assertThatThrownBy(() -> store.insert(queued("dev-a", T0), Optional.of(new IdempotencyKey(key, "f2", T0.plus(Duration.ofHours(24))))))
        .isInstanceOf(DuplicateIdempotencyKeyException.class);
    ExecutionStore.KeyedExecution found = store.findByKey(key, T0.plusSeconds(1)).orElseThrow();
    assertThat(found.execution().id()).isEqualTo(first.id());
    assertThat(found.key().requestFingerprint()).isEqualTo("f1");
  }

  @Test
  void anExpiredKeyIsForgottenAndMayBeUsedAgain() {
    String key = "key-" + UUID.randomUUID();
    ExecutionRecord old = queued("dev-a", T0);
    store.insert(old, Optional.of(new IdempotencyKey(key, "f1", T0.plusSeconds(60))));
    Instant later = T0.plusSeconds(120);

    assertThat(store.findByKey(key, later)).isEmpty();
    ExecutionRecord fresh = queued("dev-a", later);
    store.insert(fresh, Optional.of(new IdempotencyKey(key, "f2", later.plusSeconds(60))));
    assertThat(store.findByKey(key, later.plusSeconds(1)).orElseThrow().execution().id()).isEqualTo(fresh.id());

    assertThat(store.purgeExpiredKeys(later.plusSeconds(61))).isGreaterThanOrEqualTo(1);
    assertThat(store.findByKey(key, later)).isEmpty();
    assertThat(store.find(old.id())).isPresent();
  }

  @Test
  void outputIsAppendedInChunksReadByOffsetAndTrimmedBelowAvailableFrom() {
    ExecutionRecord execution = queued("dev-b", T0);
    store.insert(execution, Optional.empty());
    store.appendOutput(execution.id(), new ExecutionStore.OutputProgress(10, false, 0),
        List.of(OutputChunk.of(0, "héllo"), OutputChunk.of(6, "wow\n")));
    store.appendOutput(execution.id(), new ExecutionStore.OutputProgress(14, true, 6), List.of(OutputChunk.of(10, "tail")));

    ExecutionRecord stored = store.find(execution.id()).orElseThrow();
    assertThat(stored.outputBytes()).isEqualTo(14);
    assertThat(stored.outputTruncated()).isTrue();
    assertThat(stored.availableFrom()).isEqualTo(6);
    assertThat(store.readOutput(execution.id(), 0, 100)).extracting(OutputChunk::data).containsExactly("wow\n", "tail");
    assertThat(store.readOutput(execution.id(), 11, 1)).extracting(OutputChunk::data).containsExactly("tail");
  }

  @Test
  void listsByKeysetWithFiltersInBothOrders() {
    String serial = "dev-" + UUID.randomUUID();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      // Two share a timestamp: the id breaks the tie.
      ExecutionRecord execution = queued(serial, T0.plusSeconds(i == 4 ? 3 : i));
      store.insert(execution, Optional.empty());
      ids.add(execution.id());
    }
    ExecutionQuery oldestFirst = new ExecutionQuery(null, serial, null, null, false);

    List<String> walked = new ArrayList<>();
    Optional<ExecutionCursor> after = Optional.empty();
    while (true) {
      List<ExecutionRecord> page = store.list(oldestFirst, after, 2);
      page.forEach(e -> walked.add(e.id()));
      if (page.size() < 2) {
        break;
      }
      ExecutionRecord last = page.get(page.size() - 1);
      after = Optional.of(new ExecutionCursor(last.createdAt(), last.id()));
    }

    assertThat(walked).hasSize(5).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
    assertThat(walked.subList(0, 3)).containsExactlyElementsOf(ids.subList(0, 3));
    assertThat(store.list(new ExecutionQuery(null, serial, null, null, true), Optional.empty(), 10)).extracting(ExecutionRecord::id)
        .containsExactlyElementsOf(reversed(walked));
    assertThat(store.list(new ExecutionQuery(ExecutionStatus.QUEUED, serial, T0.plusSeconds(1), T0.plusSeconds(3), false), Optional.empty(), 10))
        .extracting(ExecutionRecord::id).containsExactly(ids.get(1), ids.get(2));
  }

  @Test
  void unfinishedListsWhatWasQueuedOrRunning() {
    ExecutionRecord running = queued("dev-c", T0);
    ExecutionRecord done = queued("dev-c", T0);
    store.insert(running, Optional.empty());
    store.insert(done, Optional.empty());
    store.update(running.id(), r -> r.started(T0));
    store.update(done.id(), r -> r.finished(ExecutionStatus.CANCELLED, null, ExecutionError.of(ErrorCode.EXECUTION_CANCELLED, "x"), T0));

    assertThat(store.unfinished()).extracting(ExecutionRecord::id).contains(running.id()).doesNotContain(done.id());
  }

  private static List<String> reversed(List<String> ids) {
    List<String> copy = new ArrayList<>(ids);
    java.util.Collections.reverse(copy);
    return copy;
  }
}
