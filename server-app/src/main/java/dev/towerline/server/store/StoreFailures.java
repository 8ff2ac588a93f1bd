package dev.towerline.server.store;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.error.ApiException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Map;
import org.hibernate.exception.JDBCConnectionException;

/** Tells a database outage from other failures and turns it into 503 DATABASE_UNAVAILABLE. */
final class StoreFailures {
  /** What a client is told to wait: about how long a pool needs to notice the database is back. */
  static final Duration RETRY_AFTER = Duration.ofSeconds(2);
  static final String MESSAGE = "The database is unavailable; retry shortly";

  private StoreFailures() {}

  static ApiException unavailable(Throwable cause) {
    return new ApiException(ErrorCode.DATABASE_UNAVAILABLE, MESSAGE, Map.of(), RETRY_AFTER, cause);
  }

  /** Whether {@code failure} means the database cannot be reached (rather than a bug or a constraint). */
  static boolean isOutage(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        // 08: connection exceptions; 57P: PostgreSQL shutting down; 90067/90098: H2 connection broken/closed.
        if (state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("90067") || state.equals("90098"))) {
          return true;
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** The unique constraint on the idempotency key was violated. */
  static boolean isDuplicateKey(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof org.hibernate.exception.ConstraintViolationException violation) {
        String name = violation.getConstraintName();
        if (name != null && name.toLowerCase(java.util.Locale.ROOT).contains("idempotency")) {
          return true;
        }
      }
      if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
        String message = String.valueOf(sql.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (message.contains("idempotency")) {
          return true;
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
