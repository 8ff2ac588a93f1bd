package dev.towerline.server.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.towerline.protocol.Device;
import dev.towerline.protocol.DeviceUpdated;
import dev.towerline.protocol.Feed;
import dev.towerline.protocol.FeedEvent;
import dev.towerline.server.feed.log.EventLog;
import dev.towerline.server.json.JsonMappers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The publisher of a feed persists the events that wait for it together, in one statement, and
 * sends them in seq order only once they are stored; a batch the database does not take (or
 * whose outcome is unknown) is retried as a whole, uses no seq twice and sends nothing early. Real
 * H2 event log; the database is wrapped only to count or fail its INSERTs.
 */
class FeedChannelBatchTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final OffsetDateTime TS = OffsetDateTime.of(2026, 12, 7, 10, 0, 0, 0, ZoneOffset.UTC);

  private JdbcDataSource database;
  private final AtomicInteger inserts = new AtomicInteger();
  /** INSERTs still to fail: positive fail before the database sees them, negative commit and then fail. */
  private final AtomicInteger failing = new AtomicInteger();
  private final Map<Long, String> storedWhenSent = new ConcurrentHashMap<>();
  private final List<Long> sent = new CopyOnWriteArrayList<>();
  private EventLog eventLog;
  private FeedChannel channel;

  @BeforeEach
  void startChannel() {
    database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
    eventLog = new EventLog(failingInserts(database), () -> true, Clock.systemUTC());
    channel = new FeedChannel(Feed.DEVICES, eventLog, JsonMappers.create(), new SimpleMeterRegistry());
  }

  @AfterEach
  void stopChannel() {
    channel.close();
  }

  @Test
  void eventsThatWaitedArePersistedInOneStatementAndSentInSeqOrder() throws InterruptedException {
    CountDownLatch firstSent = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    channel.subscribe((seq, event, frame) -> {
      recordSent(seq, frame.text());
      if (seq == 1) {
        firstSent.countDown();
        awaitQuietly(release); // Holds the publisher, so the next events queue up behind it.
      }
    });

    channel.publish(device("emulator-0"));
    assertThat(firstSent.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    for (int i = 1; i <= 5; i++) {
      channel.publish(device("emulator-" + i));
    }
    assertThat(channel.waiting()).isEqualTo(5);
    release.countDown();

    await().atMost(WAIT).until(() -> sent.size() == 6);
    assertThat(sent).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(inserts).as("one INSERT for the first event, one for the five that waited").hasValue(2);
    assertEverySentEventWasStoredAsSent();
    for (int i = 0; i <= 5; i++) {
      assertThat(storedWhenSent.get(i + 1L)).contains("\"seq\":" + (i + 1), "emulator-" + i);
    }
    await().atMost(WAIT).until(() -> channel.waiting() == 0);
  }

  @Test
  void aBatchTheDatabaseRefusesIsSentOnlyOnceStoredWithSeqsUsedOnce() throws InterruptedException {
    CountDownLatch release = holdPublisherAfterFirstEvent();
    failing.set(2);
    for (int i = 1; i <= 4; i++) {
      channel.publish(device("emulator-" + i));
    }
    release.countDown();

    await().atMost(WAIT).until(() -> sent.size() == 5);
    assertThat(sent).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(inserts).as("the first event, two refused tries of the batch, the batch").hasValue(4);
    assertEverySentEventWasStoredAsSent();
    assertThat(eventLog.after(Feed.DEVICES, 0, 100)).extracting(EventLog.StoredEvent::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
  }

  @Test
  void aBatchWhoseCommitWasNotConfirmedIsStoredAndSentOnce() throws InterruptedException {
    CountDownLatch release = holdPublisherAfterFirstEvent();
    failing.set(-1);
    for (int i = 1; i <= 3; i++) {
      channel.publish(device("emulator-" + i));
    }
    release.countDown();

    await().atMost(WAIT).until(() -> sent.size() == 4);
    channel.publish(device("emulator-after"));
    await().atMost(WAIT).until(() -> sent.size() == 5);

    assertThat(sent).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertEverySentEventWasStoredAsSent();
    assertThat(eventLog.after(Feed.DEVICES, 0, 100)).as("the batch is in the log once")
        .extracting(EventLog.StoredEvent::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(storedWhenSent.get(5L)).contains("emulator-after");
  }

  @Test
  void anEventThatCannotBeBuiltIsDroppedAloneAndTheOthersOfItsBatchGoOn() throws InterruptedException {
    CountDownLatch release = holdPublisherAfterFirstEvent();
    channel.publish(device("emulator-1"));
    channel.publish(seq -> {
      throw new IllegalArgumentException("no such device");
    });
    channel.publish(device("emulator-3"));
    release.countDown();

    await().atMost(WAIT).until(() -> sent.size() == 3);
    assertThat(sent).containsExactly(1L, 2L, 3L);
    assertThat(storedWhenSent.get(2L)).contains("emulator-1");
    assertThat(storedWhenSent.get(3L)).contains("emulator-3");
    assertEverySentEventWasStoredAsSent();
  }

  @Test
  void closingPersistsAndSendsWhatIsQueuedThenRefusesMore() throws InterruptedException {
    CountDownLatch release = holdPublisherAfterFirstEvent();
    channel.publish(device("emulator-1"));
    channel.publish(device("emulator-2"));
    release.countDown();

    channel.close();
    channel.publish(device("emulator-late"));

    assertThat(sent).containsExactly(1L, 2L, 3L);
    assertThat(eventLog.latest(Feed.DEVICES)).isEqualTo(3);
  }

  /** Subscribes the recorder; the publisher sends the first event and then waits for the latch returned. */
  private CountDownLatch holdPublisherAfterFirstEvent() throws InterruptedException {
    CountDownLatch firstSent = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    channel.subscribe((seq, event, frame) -> {
      recordSent(seq, frame.text());
      if (seq == 1) {
        firstSent.countDown();
        awaitQuietly(release);
      }
    });
    channel.publish(device("emulator-0"));
    assertThat(firstSent.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    return release;
  }

  /** Runs on the publisher thread, as the event is sent: what does the log hold under its seq now? */
  private void recordSent(long seq, String frame) {
    List<EventLog.StoredEvent> stored = eventLog.after(Feed.DEVICES, seq - 1, 1);
    boolean storedAsSent = !stored.isEmpty() && stored.get(0).seq() == seq && stored.get(0).payload().equals(frame);
    storedWhenSent.put(seq, storedAsSent ? frame : "NOT STORED AS SENT: " + frame);
    sent.add(seq);
  }

  private void assertEverySentEventWasStoredAsSent() {
    assertThat(storedWhenSent.values()).noneMatch(frame -> frame.startsWith("NOT STORED AS SENT"));
  }

  private static LongFunction<FeedEvent> device(String serial) {
    return seq -> new DeviceUpdated().withSeq(seq).withTs(TS).withDevice(new Device().withSerial(serial));
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The database, counting the INSERTs it is sent and failing as many as {@link #failing} says. */
  private DataSource failingInserts(DataSource real) {
    return proxy(DataSource.class, real, (name, args, call) -> {
      Object result = call.invoke();
      if (!name.equals("getConnection")) {
        return result;
      }
      return proxy(Connection.class, (Connection) result, (connectionMethod, connectionArgs, connectionCall) -> {
        Object statement = connectionCall.invoke();
        if (!connectionMethod.equals("prepareStatement") || !((String) connectionArgs[0]).startsWith("INSERT")) {
          return statement;
        }
        return proxy(PreparedStatement.class, (PreparedStatement) statement, (statementMethod, statementArgs, statementCall) -> {
          if (!statementMethod.equals("executeUpdate")) {
            return statementCall.invoke();
          }
          inserts.incrementAndGet();
          int left = failing.get();
          if (left > 0 && failing.compareAndSet(left, left - 1)) {
            throw new SQLException("the database refused the write");
          }
          Object rows = statementCall.invoke();
          if (left < 0 && failing.compareAndSet(left, left + 1)) {
            throw new SQLException("connection reset after the insert");
          }
          return rows;
        });
      });
    });
  }

  private interface RealCall {
    Object invoke() throws Throwable;
  }

  private interface Interception {
    Object apply(String method, Object[] args, RealCall call) throws Throwable;
  }

  private static <T> T proxy(Class<T> type, T real, Interception interception) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) ->
        interception.apply(method.getName(), args, () -> {
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        })));
  }
}
