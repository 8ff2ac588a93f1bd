package dev.towerline.server.http;

import dev.towerline.server.audit.AuditEvent;
import dev.towerline.server.audit.AuditLog;
import dev.towerline.server.executions.ExecutionRecord;
import dev.towerline.server.executions.WrittenWithInsert;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;

/**
 * The audit entry of a create-execution request, written in the transaction that inserts the
 * execution: the request's answer then waits for one commit instead of two. The entry says 201, the
 * answer the request gets once that transaction commits; {@link AuditFilter} records the request
 * itself when it ends otherwise (refused, replayed, failed).
 */
final class AuditedCreation implements WrittenWithInsert {
  private final AuditLog auditLog;
  private final Function<ExecutionRecord, AuditEvent> eventOf;
  private volatile boolean written;

  /** @param eventOf the request's entry, answered 201 with the execution it created */
  AuditedCreation(AuditLog auditLog, Function<ExecutionRecord, AuditEvent> eventOf) {
    this.auditLog = auditLog;
    this.eventOf = eventOf;
  }

  @Override
  public void write(Connection connection, ExecutionRecord execution) throws SQLException {
    auditLog.recordIn(connection, eventOf.apply(execution));
    written = true;
  }

  @Override
  public Optional<Statement> asStatement(ExecutionRecord execution) {
    AuditLog.Insert insert = auditLog.insertOf(eventOf.apply(execution));
    return Optional.of(new Statement(insert.sql(), insert::bind, () -> written = true));
  }

  /** True once the entry was written in an insert's transaction; committed if the request was answered 201. */
  boolean written() {
    return written;
  }
}
