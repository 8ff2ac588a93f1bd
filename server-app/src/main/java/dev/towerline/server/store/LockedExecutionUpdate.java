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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The row-locked read-modify-write of the executions a group of status changes touches ({@code
 * SELECT … FOR UPDATE} of all their rows, then a batch of {@code UPDATE}s of the columns a status
 * change touches) in plain JDBC on the caller's transaction. Every execution goes through two of
 * these (running, then its final status), so they skip Hibernate's entity loading and dirty
 * checking, which cost about as much as the database work itself, and a group pays one lock
 * statement and one batch (one round trip each on PostgreSQL; on H2 a {@code FOR UPDATE} query is
 * parsed anew every time) instead of two statements per change.
 */
final class LockedExecutionUpdate {
  private static final String SELECT =
      "SELECT id, device_serial, command, timeout_seconds, status, exit_code, created_at, started_at, finished_at,"
          + " output_bytes, output_truncated, available_from, error_code, error_message, error_details"
          + " FROM executions WHERE id IN (%s) FOR UPDATE";
  private static final String UPDATE =
      "UPDATE executions SET status = ?, exit_code = ?, started_at = ?, finished_at = ?, output_bytes = ?,"
          + " output_truncated = ?, available_from = ?, error_code = ?, error_message = ?, error_details = ? WHERE id = ?";

  private final ExecutionRows rows;

  LockedExecutionUpdate(ExecutionRows rows) {
    this.rows = rows;
  }

  /**
   * Applies {@code changes} in order on {@code connection}'s open transaction, each as {@link
   * dev.towerline.server.executions.ExecutionStore#update} alone would: one {@code SELECT … FOR
   * UPDATE} locks and reads every row they change, each change sees its row as the changes before
   * it left it, and one batch of {@code UPDATE}s stores the rows that changed.
   *
   * @return per change, the execution as stored afterwards; empty when there is no such execution
   */
  List<Optional<ExecutionRecord>> applyAll(Connection connection, List<UpdateGroupCommit.Change> changes) throws SQLException {
    Map<String, ExecutionEntity> locked = lock(connection, changes.stream().map(UpdateGroupCommit.Change::id).distinct().toList());
    Map<String, ExecutionRecord> current = new HashMap<>();
    locked.forEach((id, row) -> current.put(id, rows.toRecord(row)));
    Set<String> changed = new LinkedHashSet<>();
    List<Optional<ExecutionRecord>> results = new ArrayList<>(changes.size());
    for (UpdateGroupCommit.Change change : changes) {
      ExecutionRecord before = current.get(change.id());
      if (before == null) {
        results.add(Optional.empty());
        continue;
      }
      ExecutionRecord after = change.change().apply(before);
      if (after != before) {
        current.put(change.id(), after);
        changed.add(change.id());
      }
      results.add(Optional.of(after));
    }
    store(connection, changed, locked, current);
    return results;
  }

  private static Map<String, ExecutionEntity> lock(Connection connection, List<String> ids) throws SQLException {
    Map<String, ExecutionEntity> locked = new HashMap<>();
    String placeholders = String.join(", ", Collections.nCopies(ids.size(), "?"));
    try (PreparedStatement select = connection.prepareStatement(String.format(SELECT, placeholders))) {
      for (int i = 0; i < ids.size(); i++) {
        select.setString(i + 1, ids.get(i));
      }
      try (ResultSet result = select.executeQuery()) {
        while (result.next()) {
          ExecutionEntity row = read(result);
          locked.put(row.id, row);
        }
      }
    }
    return locked;
  }

  private void store(Connection connection, Set<String> changed, Map<String, ExecutionEntity> locked, Map<String, ExecutionRecord> current)
      throws SQLException {
    if (changed.isEmpty()) {
      return;
    }
    try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
      for (String id : changed) {
        ExecutionEntity row = locked.get(id);
        rows.apply(current.get(id), row);
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
        update.addBatch();
      }
      update.executeBatch();
    }
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
