package dev.towerline.server.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session-level PostgreSQL advisory lock, keyed by {@link #LOCK_CLASS} and the hash of the
 * server's schema (advisory locks are per database already), held on a connection of its own.
 * PostgreSQL releases it when that session ends — the server stops, its process dies, or the
 * connection drops in a database outage — so {@link #verify} notices a dropped connection and
 * the server takes the lock again before it writes anything more.
 */
final class PostgresAdvisoryLock implements ServerLock {
  private static final Logger log = LoggerFactory.getLogger(PostgresAdvisoryLock.class);

  /** The first half of the lock key: "Towl", so Towerline's locks are told apart from others. */
  static final int LOCK_CLASS = 0x546f776c;
  /** The schema the server's unqualified tables live in (its {@code currentSchema}). */
  private static final String SCHEMA = "COALESCE(current_schema(), '')";
  private static final String TRY_LOCK =
      "SELECT pg_try_advisory_lock(?, hashtext(" + SCHEMA + ")), " + SCHEMA;
  private static final int VALIDITY_SECONDS = 1;

  private final DatabaseConfig config;
  private Connection connection;
  private volatile boolean held;

  PostgresAdvisoryLock(DatabaseConfig config) {
    this.config = config;
  }

  @Override
  public synchronized boolean acquire() {
    if (held) {
      return true;
    }
    Connection session;
    try {
      session = DriverManager.getConnection(config.url(), properties());
    } catch (SQLException e) {
      return false;
    }
    try (PreparedStatement tryLock = session.prepareStatement(TRY_LOCK)) {
      tryLock.setInt(1, LOCK_CLASS);
      try (ResultSet row = tryLock.executeQuery()) {
        row.next();
        if (!row.getBoolean(1)) {
          String schema = row.getString(2);
          closeQuietly(session);
          throw new DatabaseInUseException(
              config.displayUrl() + " (schema " + schema + ")", "another Towerline server (it holds the schema's advisory lock)");
        }
      }
      connection = session;
      held = true;
      return true;
    } catch (SQLException e) {
      closeQuietly(session);
      return false;
    }
  }

  @Override
  public boolean isHeld() {
    return held;
  }

  @Override
  public synchronized boolean verify() {
    if (!held) {
      return false;
    }
    try {
      if (connection.isValid(VALIDITY_SECONDS)) {
        return true;
      }
    } catch (SQLException e) {
      // Treated as lost, like an invalid connection.
    }
    log.warn("The connection holding database {} for this server dropped; data operations wait until the lock is taken again",
        config.displayUrl());
    held = false;
    closeQuietly(connection);
    connection = null;
    return false;
  }

  @Override
  public synchronized void close() {
    held = false;
    if (connection != null) {
      closeQuietly(connection);
      connection = null;
    }
  }

  private Properties properties() {
    Properties properties = new Properties();
    if (config.user() != null) {
      properties.setProperty("user", config.user());
    }
    if (config.password() != null) {
      properties.setProperty("password", config.password());
    }
    properties.setProperty("ApplicationName", "towerline server lock");
    properties.setProperty("connectTimeout", String.valueOf(Math.max(1, config.timeout().toSeconds())));
    properties.setProperty("socketTimeout", "30");
    properties.setProperty("tcpKeepAlive", "true");
    return properties;
  }

  private static void closeQuietly(Connection session) {
    try {
      session.close();
    } catch (SQLException e) {
      // The session is gone either way, and with it the lock.
    }
  }
}
