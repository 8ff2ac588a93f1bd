package dev.towerline.server.store;

import dev.towerline.server.executions.ExecutionRecord;
import dev.towerline.server.executions.IdempotencyKey;
import dev.towerline.server.executions.WrittenWithInsert;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The INSERT of a new execution (and its idempotency key) in plain JDBC: on the caller's
 * transaction, or several, each with the statement written alongside it, in one round trip. Every
 * create pays it on its request path, so it skips Hibernate's persist and flush machinery (action
 * queue, entity snapshot), which cost about as much as the statement itself.
 */
final class ExecutionInsert {
  private static final String INSERT =
      "INSERT INTO executions (id, device_serial, command, timeout_seconds, status, exit_code, created_at, started_at,"
          + " finished_at, output_bytes, output_truncated, available_from, error_code, error_message, error_details,"
          + " idempotency_key, request_fingerprint, key_expires_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final int PARAMETERS = 18;

  /** A new execution, its key, and the statement written alongside it, if any. */
  record Row(ExecutionRecord execution, Optional<IdempotencyKey> key, Optional<WrittenWithInsert.Statement> alongside) {}

  private final ExecutionRows rows;

  ExecutionInsert(ExecutionRows rows) {
    this.rows = rows;
  }

  /** Inserts {@code execution} on {@code connection}'s open transaction. */
  void apply(Connection connection, ExecutionRecord execution, Optional<IdempotencyKey> key) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      bind(insert, 1, execution, key);
      insert.executeUpdate();
    }
  }

  /**
   * Inserts every row, each with the statement alongside it, as one multi-statement string, which
   * PostgreSQL's driver sends in one round trip: on a connection in auto-commit all of them run in
   * the one implicit transaction of that round trip and commit together, or none does.
   */
  void applyAll(Connection connection, List<Row> rows) throws SQLException {
    StringJoiner sql = new StringJoiner(";\n");
    for (Row row : rows) {
      sql.add(INSERT);
      row.alongside().ifPresent(statement -> sql.add(statement.sql()));
    }
    try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
      int index = 1;
      for (Row row : rows) {
        bind(insert, index, row.execution(), row.key());
        index += PARAMETERS;
        if (row.alongside().isPresent()) {
          row.alongside().get().binder().bind(insert, index);
          index += row.alongside().get().parameters();
        }
      }
      insert.execute();
    }
  }

  private void bind(PreparedStatement insert, int first, ExecutionRecord execution, Optional<IdempotencyKey> key) throws SQLException {
    ExecutionEntity row = rows.newRow(execution);
    insert.setString(first, row.id);
    insert.setString(first + 1, row.deviceSerial);
    insert.setString(first + 2, row.command);
    insert.setInt(first + 3, row.timeoutSeconds);
    insert.setString(first + 4, row.status);
    LockedExecutionUpdate.setInteger(insert, first + 5, row.exitCode);
    LockedExecutionUpdate.setInstant(insert, first + 6, row.createdAt);
    LockedExecutionUpdate.setInstant(insert, first + 7, row.startedAt);
    LockedExecutionUpdate.setInstant(insert, first + 8, row.finishedAt);
    insert.setLong(first + 9, row.outputBytes);
    insert.setBoolean(first + 10, row.outputTruncated);
    insert.setLong(first + 11, row.availableFrom);
    insert.setString(first + 12, row.errorCode);
    insert.setString(first + 13, row.errorMessage);
    insert.setString(first + 14, row.errorDetails);
    insert.setString(first + 15, key.map(IdempotencyKey::key).orElse(null));
    insert.setString(first + 16, key.map(IdempotencyKey::requestFingerprint).orElse(null));
    LockedExecutionUpdate.setInstant(insert, first + PARAMETERS - 1, key.map(IdempotencyKey::expiresAt).orElse(null));
  }
}
