package dev.towerline.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection pool. It starts even when the database is down (the server then answers 503
 * for data and reports the database in /health/full) and reconnects on its own when it returns.
 */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);

  private final DatabaseConfig config;
  private final HikariDataSource pool;

  private Database(DatabaseConfig config, HikariDataSource pool) {
    this.config = config;
    this.pool = pool;
  }

  public static Database open(DatabaseConfig config, MeterRegistry registry) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("towerline-db");
    hikari.setJdbcUrl(config.url());
    hikari.setUsername(config.user());
    hikari.setPassword(config.password());
    hikari.setMaximumPoolSize(config.poolSize());
    hikari.setMinimumIdle(1);
    hikari.setConnectionTimeout(config.timeout().toMillis());
    hikari.setValidationTimeout(Math.max(250, config.timeout().toMillis() / 2));
    // Start without the database rather than refuse to serve devices and health.
    hikari.setInitializationFailTimeout(-1);
    hikari.setMetricRegistry(registry);
    if (config.isPostgres()) {
      // Bounds a hung database on the wire, not only in the pool.
      hikari.addDataSourceProperty("connectTimeout", String.valueOf(Math.max(1, config.timeout().toSeconds())));
      hikari.addDataSourceProperty("socketTimeout", "30");
    }
    HikariDataSource pool = new HikariDataSource(hikari);
    log.info("Database pool for {} opened", config.displayUrl());
    if (config.isEmbeddedH2File() && !config.url().toUpperCase(Locale.ROOT).contains(";WRITE_DELAY=0")) {
      log.warn("Database {} sets its own WRITE_DELAY: work acknowledged within that delay before a crash can be lost",
          config.displayUrl());
    }
    return new Database(config, pool);
  }

  public DataSource dataSource() {
    return pool;
  }

  public DatabaseConfig config() {
    return config;
  }


  @Override
  public void close() {
    pool.close();
  }
}
