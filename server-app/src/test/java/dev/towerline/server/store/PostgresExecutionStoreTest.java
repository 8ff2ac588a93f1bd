package dev.towerline.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.towerline.server.executions.DuplicateIdempotencyKeyException;
import dev.towerline.server.executions.ExecutionRecord;
import dev.towerline.server.executions.IdempotencyKey;
import dev.towerline.server.executions.WrittenWithInsert;
import dev.towerline.server.testing.PostgresSchemas;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store on the machine's PostgreSQL, in a schema of its own; and how creates share a commit
 * there. A first create is held inside its round trip by an advisory lock that the test holds, so
 * the creates after it wait for the group commit's lock; a row's {@code xmin} names the transaction
 * that inserted it.
 */
class PostgresExecutionStoreTest extends ExecutionStoreContract {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static PostgresSchemas schema;

  private final ExecutorService callers = Executors.newCachedThreadPool();

  @BeforeAll
  static void openPostgres() {
    schema = PostgresSchemas.create();
    open(schema.config());
  }

  @AfterAll
  static void dropSchema() {
    closeDatabase();
    schema.close();
  }

  @AfterEach
  void stopCallers() {
    callers.shutdownNow();
  }

  @Test
  void createsThatWaitedForACommitShareTheNextOneEachWithItsStatementAlongside() throws Exception {
    List<ExecutionRecord> waited = new ArrayList<>();
    List<MarkerAlongside> markers = new ArrayList<>();
    List<Future<?>> results = new ArrayList<>();
    ExecutionRecord first = queued("dev-a", T0);
    try (Connection holder = database.dataSource().getConnection()) {
      long lock = holdAdvisoryLock(holder);
      Future<?> firstResult = create(first, Optional.empty(), new WaitsForAdvisoryLock(lock));
      await().atMost(WAIT).until(() -> someoneWaitsForAnAdvisoryLock(holder));
      for (int i = 0; i < 3; i++) {
        ExecutionRecord execution = queued("dev-a", T0);
        MarkerAlongside marker = new MarkerAlongside(markerSeq(), "{}");
        waited.add(execution);
        markers.add(marker);
        results.add(create(execution, Optional.of(newKey()), marker));
        int waiting = results.size();
        await().atMost(WAIT).until(() -> creates().createsWaiting() == waiting);
      }
      releaseAdvisoryLock(holder, lock);
      firstResult.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
    for (int i = 0; i < waited.size(); i++) {
      results.get(i).get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(store.find(waited.get(i).id())).contains(waited.get(i));
      assertThat(markerStored(markers.get(i).seq)).isTrue();
      assertThat(markers.get(i).written).isTrue();
    }
    Set<String> groupTransactions = insertingTransactions(waited);
    assertThat(groupTransactions).as("one transaction inserted the creates that waited").hasSize(1);
    assertThat(insertingTransactions(List.of(first))).doesNotContainAnyElementsOf(groupTransactions);
  }

  @Test
  void aRefusedKeyInAGroupFailsOnlyItsOwnCreate() throws Exception {
    String taken = "key-" + UUID.randomUUID();
    store.insert(queued("dev-a", T0), Optional.of(new IdempotencyKey(taken, "f1", T0.plus(Duration.ofHours(24)))));
    List<ExecutionRecord> waited = new ArrayList<>();
    List<MarkerAlongside> markers = new ArrayList<>();
    List<Future<?>> results = new ArrayList<>();
    try (Connection holder = database.dataSource().getConnection()) {
      long lock = holdAdvisoryLock(holder);
      Future<?> firstResult = create(queued("dev-a", T0), Optional.empty(), new WaitsForAdvisoryLock(lock));
      await().atMost(WAIT).until(() -> someoneWaitsForAnAdvisoryLock(holder));
      for (String key : List.of(newKey().key(), taken, newKey().key())) {
        ExecutionRecord execution = queued("dev-a", T0);
        MarkerAlongside marker = new MarkerAlongside(markerSeq(), "{}");
        waited.add(execution);
        markers.add(marker);
        results.add(create(execution, Optional.of(new IdempotencyKey(key, "f1", T0.plus(Duration.ofHours(24)))), marker));
        int waiting = results.size();
        await().atMost(WAIT).until(() -> creates().createsWaiting() == waiting);
      }
      releaseAdvisoryLock(holder, lock);
      firstResult.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
    assertThat(results.get(1)).failsWithin(WAIT).withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(DuplicateIdempotencyKeyException.class);
    assertThat(store.find(waited.get(1).id())).isEmpty();
    assertThat(markerStored(markers.get(1).seq)).isFalse();
    assertThat(markers.get(1).written).isFalse();
    for (int i : List.of(0, 2)) {
      results.get(i).get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(store.find(waited.get(i).id())).contains(waited.get(i));
      assertThat(markerStored(markers.get(i).seq)).isTrue();
      assertThat(markers.get(i).written).isTrue();
    }
  }

  /** A statement alongside that waits until the advisory lock {@code lock} is free. */
  private record WaitsForAdvisoryLock(long lock) implements WrittenWithInsert {
    private static final String SQL = "SELECT pg_advisory_xact_lock(?)";

    @Override
    public void write(Connection connection, ExecutionRecord execution) throws SQLException {
      try (PreparedStatement select = connection.prepareStatement(SQL)) {
        select.setLong(1, lock);
        select.execute();
      }
    }

    @Override
    public Optional<Statement> asStatement(ExecutionRecord execution) {
      return Optional.of(new Statement(SQL, 1, (statement, first) -> statement.setLong(first, lock), () -> {}));
    }
  }

  private Future<?> create(ExecutionRecord execution, Optional<IdempotencyKey> key, WrittenWithInsert alongside) {
    return callers.submit(() -> store.insert(execution, key, alongside));
  }

  private static HibernateExecutionStore creates() {
    return (HibernateExecutionStore) store;
  }

  private static IdempotencyKey newKey() {
    return new IdempotencyKey("key-" + UUID.randomUUID(), "f1", T0.plus(Duration.ofHours(24)));
  }

  private static long holdAdvisoryLock(Connection holder) throws SQLException {
    long lock = markerSeq();
    try (PreparedStatement select = holder.prepareStatement("SELECT pg_advisory_lock(?)")) {
      select.setLong(1, lock);
      select.execute();
    }
    return lock;
  }

  private static void releaseAdvisoryLock(Connection holder, long lock) throws SQLException {
    try (PreparedStatement select = holder.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      select.setLong(1, lock);
      select.execute();
    }
  }

  private static boolean someoneWaitsForAnAdvisoryLock(Connection holder) throws SQLException {
    try (PreparedStatement select =
            holder.prepareStatement("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted");
        ResultSet rows = select.executeQuery()) {
      rows.next();
      return rows.getLong(1) > 0;
    }
  }

  private static Set<String> insertingTransactions(List<ExecutionRecord> executions) throws SQLException {
    Set<String> transactions = new HashSet<>();
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT xmin::text FROM executions WHERE id = ?")) {
      for (ExecutionRecord execution : executions) {
        select.setString(1, execution.id());
        try (ResultSet rows = select.executeQuery()) {
          rows.next();
          transactions.add(rows.getString(1));
        }
      }
    }
    return transactions;
  }
}
