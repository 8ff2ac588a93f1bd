package dev.towerline.server.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention of the audit log: deletes entries older than {@code AUDIT_RETENTION_DAYS} on the
 * server's clock, at start and then every purge interval. A purge the database cannot take is
 * logged and tried again at the next interval.
 */
public final class AuditRetention implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);
  private static final Duration FIRST_PURGE_DELAY = Duration.ofMinutes(1);

  private final AuditLog auditLog;
  private final AuditConfig config;
  private final Clock clock;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "towerline-audit-retention");
            thread.setDaemon(true);
            return thread;
          });

  public AuditRetention(AuditLog auditLog, AuditConfig config, Clock clock) {
    this.auditLog = auditLog;
    this.config = config;
    this.clock = clock;
  }

  /** Schedules the purge: shortly after start (once the database is migrated), then every purge interval. */
  public AuditRetention start() {
    long interval = config.purgeInterval().toMillis();
    long first = Math.min(interval, FIRST_PURGE_DELAY.toMillis());
    scheduler.scheduleWithFixedDelay(this::purgeQuietly, first, interval, TimeUnit.MILLISECONDS);
    return this;
  }

  /**
   * Deletes the entries recorded more than the retention before now (on the clock).
   *
   * @return how many were deleted
   * @throws AuditUnavailableException when the database cannot be reached
   */
  public int purgeNow() {
    Instant cutoff = clock.instant().minus(config.retention());
    int deleted = auditLog.purgeRecordedBefore(cutoff);
    if (deleted > 0) {
      log.info("Audit retention deleted {} entries recorded before {}", deleted, cutoff);
    }
    return deleted;
  }

  private void purgeQuietly() {
    try {
      purgeNow();
    } catch (AuditUnavailableException e) {
      log.warn("Audit retention could not run; trying again in {}: {}", config.purgeInterval(), e.getMessage());
    } catch (RuntimeException e) {
      log.error("Audit retention failed; trying again in {}", config.purgeInterval(), e);
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
