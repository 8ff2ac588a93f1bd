package dev.towerline.server.feed.log;

import static dev.towerline.server.feed.log.JdbcProxies.proxy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.towerline.protocol.Feed;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seq counter is a cache of the table: it can never hand out a seq twice for different
 * events, even when another writer (a second server, before the single-server lock existed; or one
 * that held the database while this one could not reach it) appended meanwhile.
 */
class EventLogTest {
  private JdbcDataSource database;

  @BeforeEach
  void migrate() {
    database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
  }

  @Test
  void aStaleCounterIsRefusedByTheTableAndReadAgainInsteadOfReusingASeq() {
    EventLog stale = new EventLog(database, () -> true, Clock.systemUTC());
    EventLog other = new EventLog(database, () -> true, Clock.systemUTC());
    assertThat(stale.append(Feed.DEVICES, seq -> "first " + seq)).isEqualTo(1);
    assertThat(other.append(Feed.DEVICES, seq -> "other " + seq)).isEqualTo(2);

    Throwable refused = catchThrowable(() -> stale.append(Feed.DEVICES, seq -> "stale " + seq));

    assertThat(refused).isInstanceOf(EventLogUnavailableException.class);
    assertThat(stale.after(Feed.DEVICES, 0, 10))
        .containsExactly(new EventLog.StoredEvent(1, "first 1"), new EventLog.StoredEvent(2, "other 2"));
    assertThat(stale.append(Feed.DEVICES, seq -> "stale " + seq)).as("read again after the failed write").isEqualTo(3);
  }

  @Test
  void countersAreReadAgainAfterTheDatabaseWasNotReady() {
    AtomicBoolean ready = new AtomicBoolean(true);
    EventLog log = new EventLog(database, ready::get, Clock.systemUTC());
    EventLog meanwhile = new EventLog(database, () -> true, Clock.systemUTC());
    assertThat(log.append(Feed.EXECUTIONS, seq -> "before " + seq)).isEqualTo(1);

    ready.set(false);
    assertThat(catchThrowable(() -> log.append(Feed.EXECUTIONS, seq -> "during " + seq)))
        .isInstanceOf(EventLogUnavailableException.class);
    meanwhile.append(Feed.EXECUTIONS, seq -> "elsewhere " + seq);
    ready.set(true);

    assertThat(log.latest(Feed.EXECUTIONS)).isEqualTo(2);
    assertThat(log.append(Feed.EXECUTIONS, seq -> "after " + seq)).isEqualTo(3);
  }

  @Test
  void anEventWhoseWriteHadAnUnknownOutcomeIsStoredOnceUnderItsFirstSeq() {
    EventLog log = new EventLog(losingTheAnswerOfTheFirstInsert(database), () -> true, Clock.systemUTC());
    LongFunction<String> event = seq -> "{\"seq\":" + seq + ",\"device\":\"emulator-5554\"}";

    assertThat(catchThrowable(() -> log.append(Feed.DEVICES, event))).isInstanceOf(EventLogUnavailableException.class);
    long retried = log.append(Feed.DEVICES, event);

    assertThat(retried).as("the first write did commit").isEqualTo(1);
    assertThat(log.after(Feed.DEVICES, 0, 10)).containsExactly(new EventLog.StoredEvent(1, event.apply(1)));
    assertThat(log.append(Feed.DEVICES, seq -> "next " + seq)).isEqualTo(2);
  }

  @Test
  void eventsAppendedTogetherGetConsecutiveSeqsInOneStatement() {
    AtomicInteger statements = new AtomicInteger();
    EventLog log = new EventLog(countingUpdates(database, statements), () -> true, Clock.systemUTC());
    log.append(Feed.EXECUTIONS, seq -> "alone " + seq);

    List<Long> seqs = log.appendAll(Feed.EXECUTIONS, List.of(seq -> "a " + seq, seq -> "b " + seq, seq -> "c " + seq));

    assertThat(seqs).containsExactly(2L, 3L, 4L);
    assertThat(statements).as("one INSERT for the single event, one for the three").hasValue(2);
    assertThat(log.after(Feed.EXECUTIONS, 1, 10))
        .containsExactly(new EventLog.StoredEvent(2, "a 2"), new EventLog.StoredEvent(3, "b 3"), new EventLog.StoredEvent(4, "c 4"));
    assertThat(log.latest(Feed.EXECUTIONS)).isEqualTo(4);
  }

  @Test
  void aBatchRefusedForAStaleCounterStoresNoneOfItsEventsAndReusesNoSeq() {
    EventLog stale = new EventLog(database, () -> true, Clock.systemUTC());
    EventLog other = new EventLog(database, () -> true, Clock.systemUTC());
    stale.append(Feed.DEVICES, seq -> "first " + seq);
    other.append(Feed.DEVICES, seq -> "other " + seq);
    List<LongFunction<String>> batch = List.of(seq -> "x " + seq, seq -> "y " + seq, seq -> "z " + seq);

    Throwable refused = catchThrowable(() -> stale.appendAll(Feed.DEVICES, batch));

    assertThat(refused).isInstanceOf(EventLogUnavailableException.class);
    assertThat(stale.after(Feed.DEVICES, 0, 10)).as("all or nothing: seq 3 and 4 were free, yet not taken")
        .containsExactly(new EventLog.StoredEvent(1, "first 1"), new EventLog.StoredEvent(2, "other 2"));
    assertThat(stale.appendAll(Feed.DEVICES, batch)).containsExactly(3L, 4L, 5L);
    assertThat(stale.after(Feed.DEVICES, 2, 10))
        .containsExactly(new EventLog.StoredEvent(3, "x 3"), new EventLog.StoredEvent(4, "y 4"), new EventLog.StoredEvent(5, "z 5"));
  }

  @Test
  void aBatchWhoseWriteHadAnUnknownOutcomeIsStoredOnceUnderItsFirstSeqs() {
    EventLog log = new EventLog(losingTheAnswerOfTheFirstInsert(database), () -> true, Clock.systemUTC());
    List<LongFunction<String>> batch = List.of(seq -> "{\"seq\":" + seq + ",\"n\":1}", seq -> "{\"seq\":" + seq + ",\"n\":2}");

    assertThat(catchThrowable(() -> log.appendAll(Feed.EXECUTIONS, batch))).isInstanceOf(EventLogUnavailableException.class);
    List<Long> retried = log.appendAll(Feed.EXECUTIONS, batch);

    assertThat(retried).as("the first write did commit").containsExactly(1L, 2L);
    assertThat(log.after(Feed.EXECUTIONS, 0, 10))
        .containsExactly(new EventLog.StoredEvent(1, batch.get(0).apply(1)), new EventLog.StoredEvent(2, batch.get(1).apply(2)));
    assertThat(log.append(Feed.EXECUTIONS, seq -> "next " + seq)).isEqualTo(3);
  }

  @Test
  void aRetryWithMoreEventsKeepsTheSeqsOfTheCommittedOnesAndAppendsTheRestAfterThem() {
    EventLog log = new EventLog(losingTheAnswerOfTheFirstInsert(database), () -> true, Clock.systemUTC());
    LongFunction<String> first = seq -> "first " + seq;
    LongFunction<String> second = seq -> "second " + seq;
    LongFunction<String> later = seq -> "later " + seq;

    assertThat(catchThrowable(() -> log.appendAll(Feed.DEVICES, List.of(first, second)))).isInstanceOf(EventLogUnavailableException.class);

    assertThat(log.appendAll(Feed.DEVICES, List.of(first, second, later))).containsExactly(1L, 2L, 3L);
    assertThat(log.after(Feed.DEVICES, 0, 10))
        .containsExactly(new EventLog.StoredEvent(1, "first 1"), new EventLog.StoredEvent(2, "second 2"), new EventLog.StoredEvent(3, "later 3"));
  }

  @Test
  void eventsFoundCommittedStayConfirmedWhenTheDatabaseFailsBeforeTheRestIsWritten() {
    AtomicInteger readinessChecks = new AtomicInteger();
    // Ready, except at the third check: the counter read after the unknown write was checked.
    EventLog log = new EventLog(losingTheAnswerOfTheFirstInsert(database), () -> readinessChecks.incrementAndGet() != 3, Clock.systemUTC());
    LongFunction<String> first = seq -> "first " + seq;
    LongFunction<String> second = seq -> "second " + seq;
    LongFunction<String> later = seq -> "later " + seq;
    assertThat(catchThrowable(() -> log.appendAll(Feed.DEVICES, List.of(first, second)))).isInstanceOf(EventLogUnavailableException.class);

    assertThat(catchThrowable(() -> log.appendAll(Feed.DEVICES, List.of(first, second, later))))
        .isInstanceOf(EventLogUnavailableException.class);

    assertThat(log.appendAll(Feed.DEVICES, List.of(first, second, later))).containsExactly(1L, 2L, 3L);
    assertThat(log.after(Feed.DEVICES, 0, 10))
        .containsExactly(new EventLog.StoredEvent(1, "first 1"), new EventLog.StoredEvent(2, "second 2"), new EventLog.StoredEvent(3, "later 3"));
  }

  @Test
  void aBatchWithAnEventThatCannotBeRenderedTouchesNothingAndUsesNoSeq() {
    AtomicInteger statements = new AtomicInteger();
    EventLog log = new EventLog(countingUpdates(database, statements), () -> true, Clock.systemUTC());
    LongFunction<String> unrenderable = seq -> {
      throw new IllegalStateException("cannot be written as JSON");
    };

    Throwable failed = catchThrowable(() -> log.appendAll(Feed.DEVICES, List.of(seq -> "fine " + seq, unrenderable)));

    assertThat(failed).isInstanceOf(IllegalStateException.class);
    assertThat(statements).hasValue(0);
    assertThat(log.append(Feed.DEVICES, seq -> "fine " + seq)).isEqualTo(1);
  }

  /** The database, counting the INSERTs it is sent. */
  private static DataSource countingUpdates(DataSource real, AtomicInteger updates) {
    return proxy(DataSource.class, real, (method, args, result) ->
        method.getName().equals("getConnection")
            ? proxy(Connection.class, (Connection) result, (connectionMethod, sql, statement) ->
                connectionMethod.getName().equals("prepareStatement")
                    ? proxy(PreparedStatement.class, (PreparedStatement) statement, (statementMethod, none, rows) -> {
                        if (statementMethod.getName().equals("executeUpdate")) {
                          updates.incrementAndGet();
                        }
                        return rows;
                      })
                    : statement)
            : result);
  }

  /** The database, except that the first insert commits and then fails as if the connection dropped. */
  private static DataSource losingTheAnswerOfTheFirstInsert(DataSource real) {
    AtomicBoolean lost = new AtomicBoolean();
    return proxy(DataSource.class, real, (method, args, result) ->
        method.getName().equals("getConnection")
            ? proxy(Connection.class, (Connection) result, (connectionMethod, sql, statement) ->
                connectionMethod.getName().equals("prepareStatement")
                    ? proxy(PreparedStatement.class, (PreparedStatement) statement, (statementMethod, none, rows) -> {
                        if (statementMethod.getName().equals("executeUpdate") && lost.compareAndSet(false, true)) {
                          throw new SQLException("connection reset after the insert");
                        }
                        return rows;
                      })
                    : statement)
            : result);
  }
}
