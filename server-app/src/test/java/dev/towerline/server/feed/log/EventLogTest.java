package dev.towerline.server.feed.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.towerline.protocol.Feed;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
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
}
