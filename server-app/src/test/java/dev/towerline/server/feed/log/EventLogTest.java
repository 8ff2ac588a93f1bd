package dev.towerline.server.feed.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.towerline.protocol.Feed;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
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

  /** The database, except that the first insert commits and then fails as if the connection dropped. */
  private static DataSource losingTheAnswerOfTheFirstInsert(DataSource real) {
    AtomicBoolean lost = new AtomicBoolean();
    return proxy(DataSource.class, real, (method, result) ->
        method.getName().equals("getConnection")
            ? proxy(Connection.class, (Connection) result, (connectionMethod, statement) ->
                connectionMethod.getName().equals("prepareStatement")
                    ? proxy(PreparedStatement.class, (PreparedStatement) statement, (statementMethod, rows) -> {
                        if (statementMethod.getName().equals("executeUpdate") && lost.compareAndSet(false, true)) {
                          throw new SQLException("connection reset after the insert");
                        }
                        return rows;
                      })
                    : statement)
            : result);
  }

  /** What a proxy does with the real call's result. */
  private interface AfterCall {
    Object apply(Method method, Object result) throws SQLException;
  }

  private static <T> T proxy(Class<T> type, T real, AfterCall after) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      try {
        return after.apply(method, method.invoke(real, args));
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }));
  }
}
