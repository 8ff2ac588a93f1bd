package dev.towerline.server.testing;

import dev.towerline.server.store.DatabaseConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh schema {@code t_<random>} in the machine's PostgreSQL ({@code test} database, user
 * {@code postgres}, trust auth) for one test class, so runs never see each other's rows.
 */
public final class PostgresSchemas implements AutoCloseable {
  public static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/test";
  public static final String USER = "postgres";

  private final String schema;

  private PostgresSchemas(String schema) {
    this.schema = schema;
  }

  /** Creates the schema. */
  public static PostgresSchemas create() {
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    execute("CREATE SCHEMA " + schema);
    return new PostgresSchemas(schema);
  }

  public String schema() {
    return schema;
  }

  /** The server's configuration for this schema. */
  public DatabaseConfig config() {
    return DatabaseConfig.custom().url(ADMIN_URL + "?currentSchema=" + schema).user(USER).build();
  }

  /** Drops the schema and everything in it. */
  @Override
  public void close() {
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  private static void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, null);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + ADMIN_URL + " refused: " + sql, e);
    }
  }
}
