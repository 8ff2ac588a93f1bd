package dev.towerline.server.executions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A row that belongs to the creation of an execution, such as the audit entry of the request that
 * creates it: written on the transaction that inserts the execution, so that one commit makes both
 * durable (or neither) instead of a commit each. A failed insert may be tried again, with this
 * written again in the new transaction.
 */
@FunctionalInterface
public interface WrittenWithInsert {
  /** Writes nothing. */
  WrittenWithInsert NOTHING = (connection, execution) -> {};

  /** Writes on {@code connection}'s open transaction, which inserts {@code execution}; never commits. */
  void write(Connection connection, ExecutionRecord execution) throws SQLException;

  /**
   * The same write as one SQL statement, which a store may send in the insert's own round trip and
   * implicit transaction (PostgreSQL: one round trip and one commit for both); empty when the write
   * is not one statement, and then {@link #write} runs on the insert's transaction.
   */
  default Optional<Statement> asStatement(ExecutionRecord execution) {
    return Optional.empty();
  }

  /**
   * One SQL statement with {@code ?} parameters: {@code binder} sets them from a given index on, and
   * {@code written} runs once the statement succeeded, in a transaction not yet committed (as {@link
   * #write} would have returned).
   */
  record Statement(String sql, Binder binder, Runnable written) {}

  /** Sets a statement's parameters, the first at {@code firstIndex}. */
  @FunctionalInterface
  interface Binder {
    void bind(PreparedStatement statement, int firstIndex) throws SQLException;
  }
}
