package dev.towerline.server.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.h2.api.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 database's own file lock, made explicit: H2 locks the database file for the
 * process that opens it, so a second process fails to open it. This class opens it first, with a
 * connection it keeps for the server's life (so the database, and the lock, stay open even when
 * the pool has no connection for a moment), and turns H2's "may be already in use" into a clear
 * refusal.
 */
final class EmbeddedFileLock implements ServerLock {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedFileLock.class);

  private final DatabaseConfig config;
  private Connection connection;
  private volatile boolean held;

  EmbeddedFileLock(DatabaseConfig config) {
    this.config = config;
  }

  @Override
  public synchronized boolean acquire() {
    if (held) {
      return true;
    }
    try {
      connection = DriverManager.getConnection(config.url(), config.user(), config.password());
      held = true;
      return true;
    } catch (SQLException e) {
      if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
        throw new DatabaseInUseException(config.displayUrl(), "another process (H2 locks the database file while it is open)");
      }
      log.debug("Database {} cannot be opened yet: {}", config.displayUrl(), e.getMessage());
      return false;
    }
  }

  @Override
  public boolean isHeld() {
    return held;
  }

  /** The lock lives in this process with the open database: it cannot be taken away. */
  @Override
  public boolean verify() {
    return held;
  }

  @Override
  public synchronized void close() {
    held = false;
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        log.warn("Closing the embedded database {} failed: {}", config.displayUrl(), e.getMessage());
      }
      connection = null;
    }
  }
}
