package dev.towerline.server.store;

import static net.logstash.logback.argument.StructuredArguments.kv;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.Flyway;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema and the Hibernate session factory over the {@link Database} pool. {@link #start}
 * migrates with Flyway (migrations in {@code db/migration}) and builds the session factory with
 * {@code hbm2ddl.auto=validate}; when the database is down it keeps trying in the background, the
 * server serves devices and health meanwhile, and data operations answer DATABASE_UNAVAILABLE
 * until it is ready. Once ready, the {@code onReady} action runs once (crash recovery).
 *
 * <p>Nothing is read or written without the {@link ServerLock}: it is taken before the first
 * migration and checked every retry interval; while it is lost (its connection dropped in an
 * outage) data operations answer DATABASE_UNAVAILABLE, and they resume once it is taken again —
 * or stay unavailable while another server holds it.
 */
public final class Persistence implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Persistence.class);
  /** Between attempts while the database is down at start. */
  public static final Duration DEFAULT_RETRY_INTERVAL = Duration.ofSeconds(2);
  /** Hibernate writes inserts of output chunks in JDBC batches of this size. */
  private static final int BATCH_SIZE = 50;

  private final Database database;
  private final ServerLock lock;
  private final Duration retryInterval;
  private final ScheduledExecutorService retries;
  private final AtomicBoolean warned = new AtomicBoolean();
  private final AtomicBoolean refused = new AtomicBoolean();
  private volatile SessionFactory sessions;
  private volatile boolean closed;
  private Runnable onReady = () -> {};

  /** Without a lock: for a database no other server can reach. */
  public Persistence(Database database, Duration retryInterval) {
    this(database, ServerLock.none(), retryInterval);
  }

  public Persistence(Database database, ServerLock lock, Duration retryInterval) {
    this.database = Objects.requireNonNull(database, "database");
    this.lock = Objects.requireNonNull(lock, "lock");
    this.retryInterval = Objects.requireNonNull(retryInterval, "retryInterval");
    this.retries = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "towerline-persistence");
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Tries once now (so a reachable database is ready when this returns), then in the background
   * every retry interval until it succeeds.
   *
   * @param onReady runs once, after migration, before {@link #isReady()} turns true
   */
  public void start(Runnable onReady) {
    this.onReady = Objects.requireNonNull(onReady, "onReady");
    if (!attempt()) {
      retries.schedule(this::retry, retryInterval.toMillis(), TimeUnit.MILLISECONDS);
    }
    retries.scheduleWithFixedDelay(this::watchLock, retryInterval.toMillis(), retryInterval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Whether the driver sends a string of several statements in one round trip, run in one implicit
   * transaction when the connection is in auto-commit (PostgreSQL's does; H2 is embedded and has no
   * round trips to save).
   */
  boolean combinesStatements() {
    return database.config().isPostgres();
  }

  public boolean isReady() {
    return sessions != null && lock.isHeld();
  }

  /**
   * @throws dev.towerline.server.error.ApiException DATABASE_UNAVAILABLE until the schema is ready
   */
  SessionFactory sessions() {
    SessionFactory ready = sessions;
    if (ready == null || !lock.isHeld()) {
      throw StoreFailures.unavailable(null);
    }
    return ready;
  }

  private void retry() {
    if (!closed && !attempt()) {
      retries.schedule(this::retry, retryInterval.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Once ready: notices a lost lock and takes it again (a no-op while the lock holds). */
  private void watchLock() {
    if (!closed && sessions != null && !lock.verify()) {
      attempt();
    }
  }

  private synchronized boolean attempt() {
    if (closed || isReady()) {
      return true;
    }
    if (!holdLock()) {
      if (sessions == null && !refused.get() && warned.compareAndSet(false, true)) {
        log.warn(
            "Database {} cannot be reached; data operations answer DATABASE_UNAVAILABLE and the server retries every {} ms",
            database.config().displayUrl(), retryInterval.toMillis(), kv("database", database.config().displayUrl()));
      }
      return false;
    }
    if (sessions != null) {
      log.info("Database {} is this server's again; data operations resume", database.config().displayUrl());
      return true;
    }
    SessionFactory built = null;
    try {
      migrate();
      built = build();
      SessionFactory candidate = built;
      sessions = candidate;
      try {
        onReady.run();
      } catch (RuntimeException e) {
        sessions = null;
        throw e;
      }
      log.info("Database {} is migrated and ready", database.config().displayUrl(), kv("database", database.config().displayUrl()));
      return true;
    } catch (RuntimeException e) {
      if (built != null) {
        built.close();
      }
      if (warned.compareAndSet(false, true) || !StoreFailures.isOutage(e)) {
        log.warn(
            "Database {} is not ready ({}); data operations answer DATABASE_UNAVAILABLE and the server retries every {} ms",
            database.config().displayUrl(), rootMessage(e), retryInterval.toMillis(),
            kv("database", database.config().displayUrl()));
      }
      return false;
    }
  }

  private boolean holdLock() {
    try {
      boolean held = lock.acquire();
      refused.set(false);
      return held;
    } catch (DatabaseInUseException e) {
      if (refused.compareAndSet(false, true)) {
        log.error("{}; data operations answer DATABASE_UNAVAILABLE until it stops", e.getMessage());
      }
      return false;
    }
  }

  private void migrate() {
    Flyway.configure()
        .dataSource(database.dataSource())
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }

  private SessionFactory build() {
    StandardServiceRegistry registry =
        new StandardServiceRegistryBuilder()
            .applySetting(AvailableSettings.DATASOURCE, database.dataSource())
            .applySetting(AvailableSettings.HBM2DDL_AUTO, "validate")
            .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, BATCH_SIZE)
            .applySetting(AvailableSettings.ORDER_INSERTS, true)
            .applySetting(AvailableSettings.JDBC_TIME_ZONE, "UTC")
            .build();
    try {
      return new MetadataSources(registry)
          .addAnnotatedClass(ExecutionEntity.class)
          .addAnnotatedClass(OutputChunkEntity.class)
          .buildMetadata()
          .buildSessionFactory();
    } catch (RuntimeException e) {
      StandardServiceRegistryBuilder.destroy(registry);
      throw e;
    }
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  @Override
  public void close() {
    closed = true;
    retries.shutdownNow();
    SessionFactory open = sessions;
    sessions = null;
    if (open != null) {
      open.close();
    }
  }
}
