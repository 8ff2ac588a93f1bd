package dev.towerline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/** A fresh, empty database for one server run: the variables that point the server at it. */
abstract class Store implements AutoCloseable {
  static final String H2 = "h2";
  static final String POSTGRES = "postgres";
  static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";
  static final String POSTGRES_USER = "postgres";

  abstract String name();

  /** DATA_DIR, or DATABASE_URL and DATABASE_USER. */
  abstract Map<String, String> environment();

  @Override
  public abstract void close();

  static Store create(String name, Path workDir) {
    return switch (name) {
      case H2 -> new H2Store(workDir);
      case POSTGRES -> new PostgresStore();
      default -> throw new IllegalArgumentException("unknown store: " + name + " (h2 or postgres)");
    };
  }

  /** A temporary DATA_DIR, deleted afterwards. */
  private static final class H2Store extends Store {
    private final Path dataDir;

    H2Store(Path workDir) {
      try {
        dataDir = Files.createTempDirectory(workDir, "h2-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    String name() {
      return H2;
    }

    @Override
    Map<String, String> environment() {
      return Map.of("DATA_DIR", dataDir.toString());
    }

    @Override
    public void close() {
      try (Stream<Path> paths = Files.walk(dataDir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A schema {@code bench_<seconds>_<random>} of the local PostgreSQL's {@code test} database, dropped afterwards. */
  private static final class PostgresStore extends Store {
    /** Ctrl-C or a kill of the bench: the schema goes too, once the servers using it are stopped. */
    private static final long STOPPED_SERVERS_MILLIS = 3_000;

    private final String schema;
    private final Thread dropOnExit;

    PostgresStore() {
      schema = "bench_" + System.currentTimeMillis() / 1000 + "_"
          + UUID.randomUUID().toString().substring(0, 8);
      execute("CREATE SCHEMA " + schema);
      dropOnExit = new Thread(() -> {
        try {
          Thread.sleep(STOPPED_SERVERS_MILLIS);
          drop();
        } catch (InterruptedException | RuntimeException e) {
          System.err.println("bench: could not drop schema " + schema + ": " + e);
        }
      }, "bench-drop-" + schema);
      Runtime.getRuntime().addShutdownHook(dropOnExit);
    }

    @Override
    String name() {
      return POSTGRES;
    }

    @Override
    Map<String, String> environment() {
      return Map.of("DATABASE_URL", POSTGRES_URL + "?currentSchema=" + schema, "DATABASE_USER", POSTGRES_USER);
    }

    @Override
    public void close() {
      try {
        Runtime.getRuntime().removeShutdownHook(dropOnExit);
      } catch (IllegalStateException exiting) {
        // The hook runs anyway.
      }
      drop();
    }

    private void drop() {
      execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static void execute(String sql) {
      try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, null);
          Statement statement = connection.createStatement()) {
        statement.execute(sql);
      } catch (SQLException e) {
        throw new IllegalStateException("PostgreSQL at " + POSTGRES_URL + " refused: " + sql, e);
      }
    }
  }
}
