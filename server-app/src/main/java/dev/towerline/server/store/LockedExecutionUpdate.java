package dev.towerline.server.store;

import dev.towerline.server.executions.ExecutionRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The row-locked read-modify-write of one execution ({@code SELECT … FOR UPDATE}, then an {@code
 * UPDATE} of the columns a status change touches) in plain JDBC on the caller's transaction. Every
 * execution goes through two of these (running, then its final status), so they skip Hibernate's
 * entity loading and dirty checking, which cost about as much as the database work itself.
 */
final class LockedExecutionUpdate {
  private static final String SELECT =
      "SELECT id, device_serial, command, timeout_seconds, status, exit_code, created_at, started_at, finished_at,"
          + " output_bytes, output_truncated, available_from, error_code, error_message, error_details"
          + " FROM executions WHERE id = ? FOR UPDATE";
  private static final String UPDATE =
      "UPDATE executions SET status = ?, exit_code = ?, started_at = ?, finished_at = ?, output_bytes = ?,"
          + " output_truncated = ?, available_from = ?, error_code = ?, error_message = ?, error_details = ? WHERE id = ?";

  private final ExecutionRows rows;

  LockedExecutionUpdate(ExecutionRows rows) {
    this.rows = rows;
  }

  /** As {@link dev.towerline.server.executions.ExecutionStore#update}, on {@code connection}'s open transaction. */
  Optional<ExecutionRecord> apply(Connection connection, String id, UnaryOperator<ExecutionRecord> change) throws SQLException {
    ExecutionEntity row;
    try (PreparedStatement select = connection.prepareStatement(SELECT)) {
      select.setString(1, id);
      try (ResultSet result = select.executeQuery()) {
        if (!result.next()) {
          return Optional.empty();
        }
        row = read(result);
      }
    }
    ExecutionRecord before = rows.toRecord(row);
    ExecutionRecord after = change.apply(before);
    if (after == before) {
      return Optional.of(before);
    }
    rows.apply(after, row);
    try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
      update.setString(1, row.status);
      setInteger(update, 2, row.exitCode);
      setInstant(update, 3, row.startedAt);
      setInstant(update, 4, row.finishedAt);
      update.setLong(5, row.outputBytes);
      update.setBoolean(6, row.outputTruncated);
      update.setLong(7, row.availableFrom);
      update.setString(8, row.errorCode);
      update.setString(9, row.errorMessage);
      update.setString(10, row.errorDetails);
      update.setString(11, id);
      update.executeUpdate();
    }
    return Optional.of(after);
  }

  private static ExecutionEntity read(ResultSet result) throws SQLException {
    ExecutionEntity row = new ExecutionEntity();
    row.id = result.getString("id");
    row.deviceSerial = result.getString("device_serial");
    row.command = result.getString("command");
    row.timeoutSeconds = result.getInt("timeout_seconds");
    row.status = result.getString("status");
    int exitCode = result.getInt("exit_code");
    row.exitCode = result.wasNull() ? null : exitCode;
    row.createdAt = instant(result, "created_at");
    row.startedAt = instant(result, "started_at");
    row.finishedAt = instant(result, "finished_at");
    row.outputBytes = result.getLong("output_bytes");
    row.outputTruncated = result.getBoolean("output_truncated");
    row.availableFrom = result.getLong("available_from");
    row.errorCode = result.getString("error_code");
    row.errorMessage = result.getString("error_message");
    row.errorDetails = result.getString("error_details");
    return row;
  }

  private static Instant instant(ResultSet result, String column) throws SQLException {
    OffsetDateTime value = result.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      statement.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
    }
  }

  static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.INTEGER);
    } else {
      statement.setInt(index, value);
    }
  }
}
