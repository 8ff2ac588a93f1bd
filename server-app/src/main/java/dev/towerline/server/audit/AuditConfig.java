package dev.towerline.server.audit;

import dev.towerline.server.config.environment.ConfigChecks;
import dev.towerline.server.config.environment.EnvironmentVariables;
import java.time.Duration;
import java.util.Map;

/**
 * How long the audit log keeps entries. Immutable; {@link #ofDefaults()}, {@link #custom()}, {@link
 * #toBuilder()} or {@link #fromEnvironment(Map)}.
 *
 * <ul>
 *   <li>{@code AUDIT_RETENTION_DAYS}: entries older than this are deleted, {@value #MIN_RETENTION_DAYS}..{@value
 *       #MAX_RETENTION_DAYS}. Default {@value #DEFAULT_RETENTION_DAYS}.
 * </ul>
 */
public final class AuditConfig {
  public static final String RETENTION_VARIABLE = "AUDIT_RETENTION_DAYS";

  public static final int DEFAULT_RETENTION_DAYS = 365;
  static final int MIN_RETENTION_DAYS = 1;
  /** A century: "keep everything" without a special value. */
  static final int MAX_RETENTION_DAYS = 36500;
  /** Retention runs this often (and once at start). */
  public static final Duration DEFAULT_PURGE_INTERVAL = Duration.ofHours(1);

  private final int retentionDays;
  private final Duration purgeInterval;

  private AuditConfig(Builder builder) {
    this.retentionDays = builder.retentionDays;
    this.purgeInterval = builder.purgeInterval;
  }

  public static AuditConfig ofDefaults() {
    return custom().build();
  }

  public static Builder custom() {
    return new Builder();
  }

  public Builder toBuilder() {
    return custom().retentionDays(retentionDays).purgeInterval(purgeInterval);
  }

  /**
   * @throws IllegalArgumentException naming the variable and its value when a value is invalid
   */
  public static AuditConfig fromEnvironment(Map<String, String> environment) {
    Builder builder = custom();
    EnvironmentVariables.of(environment).wholeNumber(RETENTION_VARIABLE).ifPresent(days -> {
      ConfigChecks.checkRange(RETENTION_VARIABLE, days, MIN_RETENTION_DAYS, MAX_RETENTION_DAYS, "days");
      builder.retentionDays(days.intValue());
    });
    return builder.build();
  }

  public int retentionDays() {
    return retentionDays;
  }

  public Duration retention() {
    return Duration.ofDays(retentionDays);
  }

  public Duration purgeInterval() {
    return purgeInterval;
  }

  public static final class Builder {
    private int retentionDays = DEFAULT_RETENTION_DAYS;
    private Duration purgeInterval = DEFAULT_PURGE_INTERVAL;

    private Builder() {}

    public Builder retentionDays(int days) {
      ConfigChecks.checkRange("retentionDays", days, MIN_RETENTION_DAYS, MAX_RETENTION_DAYS, "days");
      this.retentionDays = days;
      return this;
    }

    public Builder purgeInterval(Duration interval) {
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("purgeInterval must be positive: " + interval);
      }
      this.purgeInterval = interval;
      return this;
    }

    public AuditConfig build() {
      return new AuditConfig(this);
    }
  }
}
