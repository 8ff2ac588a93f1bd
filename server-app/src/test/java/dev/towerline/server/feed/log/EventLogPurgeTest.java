package dev.towerline.server.feed.log;

import static dev.towerline.server.feed.log.JdbcProxies.proxy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.protocol.Feed;
import dev.towerline.server.adb.MutableClock;
import dev.towerline.server.testing.PostgresSchemas;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.LongFunction;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Retention deletes a busy feed's old events a bounded batch at a time, each its own commit, so
 * that a purge never holds the database's writes behind one huge statement; on both stores.
 */
class EventLogPurgeTest {
  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
  // A schema of its own for each test: they use the same feeds.
  private static final List<PostgresSchemas> schemas = new ArrayList<>();

  @AfterAll
  static void dropSchemas() {
    schemas.forEach(PostgresSchemas::close);
  }

  static Stream<Arguments> stores() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    PostgresSchemas postgres = PostgresSchemas.create();
    schemas.add(postgres);
    PGSimpleDataSource pg = new PGSimpleDataSource();
    pg.setURL(postgres.config().url());
    pg.setUser(PostgresSchemas.USER);
    return Stream.of(Arguments.of("h2", h2), Arguments.of("postgres", pg));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void retentionByCountDeletesTheOldestInBatchesAndKeepsTheNewest(String store, DataSource database) {
    List<Integer> deletes = new ArrayList<>();
    EventLog log = new EventLog(recordingDeletes(migrated(database), deletes), () -> true, Clock.fixed(NOW, ZoneOffset.UTC));
    appendEvents(log, Feed.EXECUTIONS, 2_500);
    appendEvents(log, Feed.DEVICES, 3);

    int deleted = log.purge(Feed.EXECUTIONS, 10, NOW.minusSeconds(3_600));

    assertThat(deleted).isEqualTo(2_490);
    assertThat(log.after(Feed.EXECUTIONS, 0, 100)).extracting(EventLog.StoredEvent::seq)
        .containsExactlyElementsOf(LongStream.rangeClosed(2_491, 2_500).boxed().toList());
    assertThat(log.after(Feed.DEVICES, 0, 100)).hasSize(3);
    assertThat(deletes).as("rows per DELETE").allMatch(rows -> rows <= EventLog.PURGE_BATCH);
    assertThat(deletes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(2_490);
    assertThat(log.append(Feed.EXECUTIONS, seq -> "after purge " + seq)).isEqualTo(2_501);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void retentionByAgeDeletesInBatchesAndAlwaysKeepsTheLatest(String store, DataSource database) {
    List<Integer> deletes = new ArrayList<>();
    EventLog log = new EventLog(recordingDeletes(migrated(database), deletes), () -> true, Clock.fixed(NOW, ZoneOffset.UTC));
    appendEvents(log, Feed.DASHBOARD, 1_500);

    int deleted = log.purge(Feed.DASHBOARD, 1_000_000, NOW.plusSeconds(1));

    assertThat(deleted).isEqualTo(1_499);
    assertThat(log.after(Feed.DASHBOARD, 0, 10)).extracting(EventLog.StoredEvent::seq).containsExactly(1_500L);
    assertThat(deletes).as("rows per DELETE").allMatch(rows -> rows <= EventLog.PURGE_BATCH);
    assertThat(deletes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1_499);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void retentionByAgeKeepsEveryEventFromTheFirstThatIsRecentEnough(String store, DataSource database) {
    MutableClock clock = new MutableClock(NOW);
    EventLog log = new EventLog(migrated(database), () -> true, clock);
    appendEvents(log, Feed.EXECUTIONS, 1_200);
    clock.advance(Duration.ofHours(2));
    appendEvents(log, Feed.EXECUTIONS, 1_300);

    int deleted = log.purge(Feed.EXECUTIONS, 1_000_000, NOW.plus(Duration.ofHours(1)));

    assertThat(deleted).isEqualTo(1_200);
    assertThat(log.bounds(Feed.EXECUTIONS)).isEqualTo(new EventLog.Bounds(1_201, 2_500));
    assertThat(log.purge(Feed.EXECUTIONS, 1_000_000, NOW.plus(Duration.ofHours(1)))).as("nothing left to delete").isZero();
  }

  private static DataSource migrated(DataSource database) {
    Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
    return database;
  }

  private static void appendEvents(EventLog log, Feed feed, int count) {
    for (int appended = 0; appended < count; appended += 500) {
      List<LongFunction<String>> batch = new ArrayList<>();
      for (int i = appended; i < Math.min(count, appended + 500); i++) {
        batch.add(seq -> "{\"seq\":" + seq + "}");
      }
      log.appendAll(feed, batch);
    }
  }

  /** The database, recording how many rows each DELETE removed. */
  private static DataSource recordingDeletes(DataSource real, List<Integer> deletes) {
    return proxy(DataSource.class, real, (method, args, result) ->
        !method.getName().equals("getConnection")
            ? result
            : proxy(Connection.class, (Connection) result, (connectionMethod, sql, statement) ->
                connectionMethod.getName().equals("prepareStatement") && String.valueOf(sql[0]).startsWith("DELETE")
                    ? proxy(PreparedStatement.class, (PreparedStatement) statement, (statementMethod, none, rows) -> {
                        if (statementMethod.getName().equals("executeUpdate")) {
                          deletes.add((Integer) rows);
                        }
                        return rows;
                      })
                    : statement));
  }
}
