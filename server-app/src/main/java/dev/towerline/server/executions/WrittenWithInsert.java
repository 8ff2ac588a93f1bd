package dev.towerline.server.executions;

import java.sql.Connection;
import java.sql.SQLException;

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
}
