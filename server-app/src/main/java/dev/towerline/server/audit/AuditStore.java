package dev.towerline.server.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.auth.Role;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/**
 * The table {@code audit_entries} (V3__audit.sql), plain JDBC. Rows are only ever inserted, and
 * deleted by retention; ids come from the database, so later entries have larger ids.
 */
final class AuditStore {
  private static final String COLUMNS =
      "id, recorded_at, actor, role, client_address, request_id, operation, target_execution_id,"
          + " target_device_serial, result, status, error_code, payload, payload_omitted";

  private static final String INSERT =
      "INSERT INTO audit_entries (recorded_at, actor, role, client_address, request_id, operation,"
          + " target_execution_id, target_device_serial, result, status, error_code, payload, payload_omitted)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final DataSource dataSource;
  private final BooleanSupplier ready;
  private final ObjectMapper json;

  AuditStore(DataSource dataSource, BooleanSupplier ready, ObjectMapper json) {
    this.dataSource = dataSource;
    this.ready = ready;
    this.json = json;
  }

  /** An event (already redacted) and when it was recorded. */
  record Row(AuditEvent event, Instant at) {}

  /** Inserts {@code rows} in one transaction, in order, and commits; returns their ids in the same order. */
  List<Long> insertAll(List<Row> rows) {
    try (Connection connection = connection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        List<Long> ids = insertOn(connection, rows);
        connection.commit();
        return ids;
      } catch (SQLException | JsonProcessingException | RuntimeException e) {
        rollbackQuietly(connection);
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException | JsonProcessingException e) {
      throw new AuditUnavailableException("audit log write failed: " + e.getMessage(), e);
    }
  }

  /** Inserts {@code rows} in order on {@code connection}'s open transaction; returns their ids in the same order. */
  List<Long> insertOn(Connection connection, List<Row> rows) throws SQLException, JsonProcessingException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT, new String[] {"id"})) {
      List<Long> ids = new ArrayList<>(rows.size());
      for (Row row : rows) {
        bind(insert, row.event(), row.at());
        insert.executeUpdate();
        try (ResultSet keys = insert.getGeneratedKeys()) {
          keys.next();
          ids.add(keys.getLong(1));
        }
      }
      return ids;
    }
  }

  private void bind(PreparedStatement insert, AuditEvent event, Instant at) throws SQLException, JsonProcessingException {
    bind(insert, 1, event, at, payloadJson(event));
  }

  /** The INSERT of one row, without asking for its id: for a statement sent with another write. */
  static String insertSql() {
    return INSERT;
  }

  /** The payload as it is stored: JSON text, or null. */
  String payloadJson(AuditEvent event) throws JsonProcessingException {
    return event.payload() == null ? null : json.writeValueAsString(event.payload());
  }

  /** Sets the parameters of {@link #insertSql()} from {@code first} on. */
  static void bind(PreparedStatement insert, int first, AuditEvent event, Instant at, String payloadJson) throws SQLException {
    insert.setObject(first, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
    insert.setString(first + 1, event.actor());
    insert.setString(first + 2, event.role() == null ? null : event.role().contractName());
    insert.setString(first + 3, event.clientAddress());
    insert.setString(first + 4, event.requestId());
    insert.setString(first + 5, event.operation());
    insert.setString(first + 6, event.target().executionId());
    insert.setString(first + 7, event.target().deviceSerial());
    insert.setString(first + 8, event.outcome().result().contractName());
    if (event.outcome().status() == null) {
      insert.setNull(first + 9, Types.INTEGER);
    } else {
      insert.setInt(first + 9, event.outcome().status());
    }
    insert.setString(first + 10, event.outcome().errorCode() == null ? null : event.outcome().errorCode().value());
    insert.setString(first + 11, payloadJson);
    insert.setString(first + 12, event.payloadOmitted() == null ? null : event.payloadOmitted().contractName());
  }

  private static void rollbackQuietly(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // The connection is broken; the pool discards it.
    }
  }

  /** Entries matching {@code query} with an id below {@code beforeId}, newest first, at most {@code limit}. */
  List<AuditEntry> newestFirst(AuditQuery query, long beforeId, int limit) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_entries WHERE id < ?");
    List<Object> arguments = new ArrayList<>(List.of(beforeId));
    if (query.actor() != null) {
      sql.append(" AND actor = ?");
      arguments.add(query.actor());
    }
    if (query.operation() != null) {
      sql.append(" AND operation = ?");
      arguments.add(query.operation());
    }
    if (query.since() != null) {
      sql.append(" AND recorded_at >= ?");
      arguments.add(OffsetDateTime.ofInstant(query.since(), ZoneOffset.UTC));
    }
    if (query.until() != null) {
      sql.append(" AND recorded_at < ?");
      arguments.add(OffsetDateTime.ofInstant(query.until(), ZoneOffset.UTC));
    }
    sql.append(" ORDER BY id DESC LIMIT ?");
    arguments.add(limit);
    try (Connection connection = connection(); PreparedStatement select = connection.prepareStatement(sql.toString())) {
      for (int i = 0; i < arguments.size(); i++) {
        select.setObject(i + 1, arguments.get(i));
      }
      List<AuditEntry> entries = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          entries.add(entry(rows));
        }
      }
      return entries;
    } catch (SQLException | JsonProcessingException e) {
      throw new AuditUnavailableException("audit log read failed: " + e.getMessage(), e);
    }
  }

  /** Deletes the entries recorded before {@code cutoff}; returns how many. */
  int deleteRecordedBefore(Instant cutoff) {
    try (Connection connection = connection();
        PreparedStatement delete = connection.prepareStatement("DELETE FROM audit_entries WHERE recorded_at < ?")) {
      delete.setObject(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
      int deleted = delete.executeUpdate();
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
      return deleted;
    } catch (SQLException e) {
      throw new AuditUnavailableException("audit log purge failed: " + e.getMessage(), e);
    }
  }

  private AuditEntry entry(ResultSet rows) throws SQLException, JsonProcessingException {
    String role = rows.getString("role");
    String errorCode = rows.getString("error_code");
    int status = rows.getInt("status");
    Integer httpStatus = rows.wasNull() ? null : status;
    String payload = rows.getString("payload");
    String omitted = rows.getString("payload_omitted");
    AuditEvent event =
        new AuditEvent(
            rows.getString("actor"),
            role == null ? null : Role.fromContractName(role).orElse(null),
            rows.getString("client_address"),
            rows.getString("request_id"),
            rows.getString("operation"),
            new AuditTarget(rows.getString("target_execution_id"), rows.getString("target_device_serial")),
            new AuditOutcome(
                AuditOutcome.Result.valueOf(rows.getString("result").toUpperCase(java.util.Locale.ROOT)),
                httpStatus,
                errorCode == null ? null : ErrorCode.fromValue(errorCode)),
            payload == null ? null : json.readTree(payload),
            omitted == null ? null : AuditEvent.PayloadOmission.valueOf(omitted.toUpperCase(java.util.Locale.ROOT)));
    return new AuditEntry(rows.getLong("id"), rows.getObject("recorded_at", OffsetDateTime.class).toInstant(), event);
  }

  private Connection connection() throws SQLException {
    if (!ready.getAsBoolean()) {
      throw new AuditUnavailableException("the database is not ready", null);
    }
    return dataSource.getConnection();
  }
}
