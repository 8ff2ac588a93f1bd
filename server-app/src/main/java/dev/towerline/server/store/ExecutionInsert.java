package dev.towerline.server.store;

import dev.towerline.server.executions.ExecutionRecord;
import dev.towerline.server.executions.IdempotencyKey;
import dev.towerline.server.executions.WrittenWithInsert;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The INSERT of a new execution (and its idempotency key) in plain JDBC, on the caller's
 * transaction or together with the statement written alongside. Every create pays it on its request
 * path, so it skips Hibernate's persist and flush machinery (action queue, entity snapshot), which
 * cost about as much as the statement itself.
 */
final class ExecutionInsert {
  private static final String INSERT =
      "INSERT INTO executions (id, device_serial, command, timeout_seconds, status, exit_code, created_at, started_at,"
          + " finished_at, output_bytes, output_truncated, available_from, error_code, error_message, error_details,"
          + " idempotency_key, request_fingerprint, key_expires_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final int PARAMETERS = 18;

  private final ExecutionRows rows;

  ExecutionInsert(ExecutionRows rows) {
    this.rows = rows;
  }

  /** Inserts {@code execution} on {@code connection}'s open transaction. */
  void apply(Connection connection, ExecutionRecord execution, Optional<IdempotencyKey> key) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      bind(insert, execution, key);
      insert.executeUpdate();
    }
  }

  /**
   * Inserts {@code execution} and runs {@code alongside} as one multi-statement string, which
   * PostgreSQL's driver sends in one round trip: on a connection in auto-commit both run in the one
   * implicit transaction of that round trip and commit together, or neither does.
   */
  void applyTogether(Connection connection, ExecutionRecord execution, Optional<IdempotencyKey> key, WrittenWithInsert.Statement alongside)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT + ";\n" + alongside.sql())) {
      bind(insert, execution, key);
      alongside.binder().bind(insert, PARAMETERS + 1);
      insert.execute();
    }
  }

  private void bind(PreparedStatement insert, ExecutionRecord execution, Optional<IdempotencyKey> key) throws SQLException {
    ExecutionEntity row = rows.newRow(execution);
    insert.setString(1, row.id);
    insert.setString(2, row.deviceSerial);
    insert.setString(3, row.command);
    insert.setInt(4, row.timeoutSeconds);
    insert.setString(5, row.status);
    LockedExecutionUpdate.setInteger(insert, 6, row.exitCode);
    LockedExecutionUpdate.setInstant(insert, 7, row.createdAt);
    LockedExecutionUpdate.setInstant(insert, 8, row.startedAt);
    LockedExecutionUpdate.setInstant(insert, 9, row.finishedAt);
    insert.setLong(10, row.outputBytes);
    insert.setBoolean(11, row.outputTruncated);
    insert.setLong(12, row.availableFrom);
    insert.setString(13, row.errorCode);
    insert.setString(14, row.errorMessage);
    insert.setString(15, row.errorDetails);
    insert.setString(16, key.map(IdempotencyKey::key).orElse(null));
    insert.setString(17, key.map(IdempotencyKey::requestFingerprint).orElse(null));
    LockedExecutionUpdate.setInstant(insert, PARAMETERS, key.map(IdempotencyKey::expiresAt).orElse(null));
  }
}
