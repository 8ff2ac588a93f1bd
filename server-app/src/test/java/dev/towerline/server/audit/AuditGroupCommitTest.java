package dev.towerline.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.towerline.server.adb.MutableClock;
import dev.towerline.server.auth.Role;
import dev.towerline.server.json.JsonMappers;
import dev.towerline.server.store.Database;
import dev.towerline.server.store.Persistence;
import dev.towerline.server.testing.TestConfigs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Records that wait while a batch commits go together in the next transaction, and fail together. */
class AuditGroupCommitTest {
  private Database database;
  private Persistence persistence;
  private GatedDataSource gated;
  private AuditLog auditLog;
  private final ExecutorService requests = Executors.newFixedThreadPool(5);

  @BeforeEach
  void open() {
    database = Database.open(TestConfigs.inMemoryDatabase(), new SimpleMeterRegistry());
    persistence = new Persistence(database, Duration.ofSeconds(1));
    persistence.start(() -> {});
    gated = new GatedDataSource(database.dataSource());
    auditLog = new AuditLog(gated, persistence::isReady, JsonMappers.create(), MutableClock.atTheEpochOfTheTests());
  }

  @AfterEach
  void close() {
    requests.shutdownNow();
    persistence.close();
    database.close();
  }

  @Test
  void aBatchThatFailsFailsOnlyItsOwnRecords() throws Exception {
    Future<AuditEntry> first = requests.submit(() -> auditLog.record(event("first")));
    assertThat(gated.holding.await(10, TimeUnit.SECONDS)).as("the first batch is taking its connection").isTrue();
    List<Future<AuditEntry>> waiting = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String actor = "waiting-" + i;
      waiting.add(requests.submit(() -> auditLog.record(event(actor))));
    }
    awaitBlocked(4);

    gated.failNext.set(true);
    gated.release.countDown();

    assertThat(first.get(10, TimeUnit.SECONDS).event().actor()).isEqualTo("first");
    for (Future<AuditEntry> record : waiting) {
      assertThatThrownBy(() -> record.get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(AuditUnavailableException.class);
    }
    assertThat(gated.connectionsTaken).as("the four waiting records shared one transaction").hasValue(2);

    AuditEntry after = auditLog.record(event("after"));
    assertThat(auditLog.list(new AuditQuery(null, null, null, null), 50, null).items())
        .extracting(entry -> entry.event().actor())
        .containsExactly("after", "first");
    assertThat(after.id()).isGreaterThan(first.get().id());
  }

  private void awaitBlocked(int threads) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (gated.waitingForLock() < threads) {
      assertThat(System.nanoTime()).as("%s records waiting for the write lock", threads).isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  private static AuditEvent event(String actor) {
    return new AuditEvent(actor, Role.OPERATOR, "127.0.0.1", "req-" + actor, "createExecution", AuditTarget.NONE,
        AuditOutcome.ofHttp(201, null), null, null);
  }

  /** Holds the first connection until released, and can fail the next one like an outage. */
  private static final class GatedDataSource implements DataSource {
    final CountDownLatch holding = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicBoolean failNext = new AtomicBoolean();
    final java.util.concurrent.atomic.AtomicInteger connectionsTaken = new java.util.concurrent.atomic.AtomicInteger();
    private final DataSource delegate;

    GatedDataSource(DataSource delegate) {
      this.delegate = delegate;
    }

    int waitingForLock() {
      int blocked = 0;
      for (Thread thread : Thread.getAllStackTraces().keySet()) {
        if (thread.getState() == Thread.State.WAITING && isInRecord(thread)) {
          blocked++;
        }
      }
      return blocked;
    }

    private static boolean isInRecord(Thread thread) {
      for (StackTraceElement frame : thread.getStackTrace()) {
        if (frame.getClassName().equals(AuditGroupCommit.class.getName())) {
          return true;
        }
      }
      return false;
    }

    @Override
    public Connection getConnection() throws SQLException {
      if (connectionsTaken.incrementAndGet() == 1) {
        holding.countDown();
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      } else if (failNext.compareAndSet(true, false)) {
        throw new SQLTransientConnectionException("the database went away");
      }
      return delegate.getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
      return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
      delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() {
      return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      return delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }
}
