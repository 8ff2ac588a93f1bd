package dev.towerline.server.store;

import static dev.towerline.server.testing.Envelopes.assertEnvelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.testing.Executions;
import dev.towerline.server.testing.PostgresSchemas;
import dev.towerline.server.testing.RunningServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The PostgreSQL server lock lives on a connection of its own. When that connection drops (here:
 * its backend is terminated, as in a database restart) PostgreSQL releases the lock; the server
 * notices, stops reading and writing, and takes the lock again before it resumes — and while
 * another holder has it, it keeps answering DATABASE_UNAVAILABLE instead of writing beside it.
 */
class PostgresServerLockTest {
  private static final PostgresSchemas schema = PostgresSchemas.create();
  private static final Duration NOTICE = Duration.ofSeconds(20);

  @RegisterExtension static final RunningServer server = new RunningServer().database(schema::config);

  private static final Executions executions = new Executions(server);

  @AfterAll
  static void dropSchema() {
    schema.close();
  }

  @Test
  void aDroppedLockConnectionStopsDataOperationsUntilTheLockIsTakenAgain() throws Exception {
    String serial = server.adb().devices().get(0).serial();
    executions.awaitFinished(executions.create(serial, "echo before", 30).path("id").asText());
    int holder = lockHolder().orElseThrow();

    try (Connection other = DriverManager.getConnection(PostgresSchemas.ADMIN_URL, PostgresSchemas.USER, null)) {
      terminate(holder);
      await("another session takes the released lock").atMost(NOTICE).until(() -> tryLock(other));

      await("the server notices it lost the lock").atMost(NOTICE).pollInterval(Duration.ofMillis(200))
          .until(() -> server.get("/api/v1/executions").statusCode() == 503);
      assertEnvelope(server.get("/api/v1/executions"), 503, ErrorCode.DATABASE_UNAVAILABLE);
      assertEnvelope(executions.post(Executions.body(serial, "echo during", 30)), 503, ErrorCode.DATABASE_UNAVAILABLE);
    }

    await("the server takes the lock again").atMost(NOTICE).pollInterval(Duration.ofMillis(200))
        .until(() -> server.get("/api/v1/executions").statusCode() == 200);
    assertThat(lockHolder()).as("held again, by a new session").isPresent().isNotEqualTo(OptionalInt.of(holder));
    String after = executions.create(serial, "echo after", 30).path("id").asText();
    assertThat(executions.awaitFinished(after).path("status").asText()).isEqualTo("succeeded");
  }

  /** The backend pid holding this schema's server lock, if any. */
  private static OptionalInt lockHolder() throws SQLException {
    try (Connection admin = DriverManager.getConnection(PostgresSchemas.ADMIN_URL, PostgresSchemas.USER, null);
        PreparedStatement holder =
            admin.prepareStatement(
                "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 2"
                    + " AND classid = ?::oid AND objid = (hashtext(?)::bigint & 4294967295)::oid"
                    + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
      holder.setInt(1, PostgresAdvisoryLock.LOCK_CLASS);
      holder.setString(2, schema.schema());
      try (ResultSet row = holder.executeQuery()) {
        return row.next() ? OptionalInt.of(row.getInt(1)) : OptionalInt.empty();
      }
    }
  }

  private static boolean tryLock(Connection session) throws SQLException {
    try (PreparedStatement lock = session.prepareStatement("SELECT pg_try_advisory_lock(?, hashtext(?))")) {
      lock.setInt(1, PostgresAdvisoryLock.LOCK_CLASS);
      lock.setString(2, schema.schema());
      try (ResultSet row = lock.executeQuery()) {
        row.next();
        return row.getBoolean(1);
      }
    }
  }

  private static void terminate(int pid) throws SQLException {
    try (Connection admin = DriverManager.getConnection(PostgresSchemas.ADMIN_URL, PostgresSchemas.USER, null);
        PreparedStatement terminate = admin.prepareStatement("SELECT pg_terminate_backend(?)")) {
      terminate.setInt(1, pid);
      terminate.execute();
    }
  }
}
