package dev.towerline.server.executions;

import java.time.Duration;
import java.util.Map;

/**
 * How executions run. Immutable; {@link #ofDefaults()}, {@link #custom()}, {@link #toBuilder()} or
 * {@link #fromEnvironment(Map)}.
 *
 * <ul>
 *   <li>{@code EXECUTION_PARALLELISM}: executions running at once across all devices. Default
 *       {@value #DEFAULT_PARALLELISM}.
 *   <li>{@code EXECUTION_QUEUE_LIMIT}: queued executions per device before 429 QUEUE_FULL. Default
 *       {@value #DEFAULT_QUEUE_LIMIT}.
 *   <li>{@code EXECUTION_OUTPUT_LIMIT_BYTES}: output kept per execution; beyond it the tail is
 *       kept. Default {@value #DEFAULT_OUTPUT_LIMIT_BYTES} (1 MiB).
 *   <li>{@code EXECUTION_OUTPUT_FLUSH_MS}: how often running output is written to the database
 *       (and so how far behind a reader may be). Default 200.
 *   <li>{@code EXECUTION_CANCEL_WAIT_MS}: how long a cancel waits for a running command to stop
 *       before the execution is abandoned and marked cancelled anyway. Default 5000.
 *   <li>{@code IDEMPOTENCY_RETENTION_HOURS}: how long an {@code Idempotency-Key} is remembered.
 *       Default 24.
 * </ul>
 */
public final class ExecutionConfig {
  public static final String PARALLELISM_VARIABLE = "EXECUTION_PARALLELISM";
  public static final String QUEUE_LIMIT_VARIABLE = "EXECUTION_QUEUE_LIMIT";
  public static final String OUTPUT_LIMIT_VARIABLE = "EXECUTION_OUTPUT_LIMIT_BYTES";
  public static final String OUTPUT_FLUSH_VARIABLE = "EXECUTION_OUTPUT_FLUSH_MS";
  public static final String CANCEL_WAIT_VARIABLE = "EXECUTION_CANCEL_WAIT_MS";
  public static final String RETENTION_VARIABLE = "IDEMPOTENCY_RETENTION_HOURS";

  public static final int DEFAULT_PARALLELISM = 8;
  public static final int DEFAULT_QUEUE_LIMIT = 100;
  public static final int DEFAULT_OUTPUT_LIMIT_BYTES = 1024 * 1024;
  public static final Duration DEFAULT_OUTPUT_FLUSH = Duration.ofMillis(200);
  public static final Duration DEFAULT_CANCEL_WAIT = Duration.ofSeconds(5);
  /** What the contract promises clients (openapi.yaml, IdempotencyKey). */
  public static final Duration DEFAULT_IDEMPOTENCY_RETENTION = Duration.ofHours(24);
  /** Expired keys are purged this often. */
  public static final Duration DEFAULT_PURGE_INTERVAL = Duration.ofMinutes(10);

  /** Smallest output limit: below it a single line could not be kept. */
  static final int MIN_OUTPUT_LIMIT_BYTES = 64;
  /** Largest output limit: the whole tail of a running execution may sit in memory. */
  static final int MAX_OUTPUT_LIMIT_BYTES = 64 * 1024 * 1024;

  private final int parallelism;
  private final int queueLimit;
  private final int outputLimitBytes;
  private final Duration outputFlush;
  private final Duration cancelWait;
  private final Duration idempotencyRetention;
  private final Duration purgeInterval;

  private ExecutionConfig(Builder builder) {
    this.parallelism = builder.parallelism;
    this.queueLimit = builder.queueLimit;
    this.outputLimitBytes = builder.outputLimitBytes;
    this.outputFlush = builder.outputFlush;
    this.cancelWait = builder.cancelWait;
    this.idempotencyRetention = builder.idempotencyRetention;
    this.purgeInterval = builder.purgeInterval;
  }

  public static ExecutionConfig ofDefaults() {
    return custom().build();
  }

  public static Builder custom() {
    return new Builder();
  }

  public Builder toBuilder() {
    return custom()
        .parallelism(parallelism)
        .queueLimit(queueLimit)
        .outputLimitBytes(outputLimitBytes)
        .outputFlush(outputFlush)
        .cancelWait(cancelWait)
        .idempotencyRetention(idempotencyRetention)
        .purgeInterval(purgeInterval);
  }

  /**
   * @throws IllegalArgumentException naming the variable and its value when a value is invalid
   */
  public static ExecutionConfig fromEnvironment(Map<String, String> environment) {
    Builder builder = custom();
    Integer parallelism = integer(environment, PARALLELISM_VARIABLE);
    if (parallelism != null) {
      builder.parallelism(parallelism);
    }
    Integer queueLimit = integer(environment, QUEUE_LIMIT_VARIABLE);
    if (queueLimit != null) {
      builder.queueLimit(queueLimit);
    }
    Integer outputLimit = integer(environment, OUTPUT_LIMIT_VARIABLE);
    if (outputLimit != null) {
      builder.outputLimitBytes(outputLimit);
    }
    Integer flush = integer(environment, OUTPUT_FLUSH_VARIABLE);
    if (flush != null) {
      builder.outputFlush(Duration.ofMillis(flush));
    }
    Integer cancelWait = integer(environment, CANCEL_WAIT_VARIABLE);
    if (cancelWait != null) {
      builder.cancelWait(Duration.ofMillis(cancelWait));
    }
    Integer retention = integer(environment, RETENTION_VARIABLE);
    if (retention != null) {
      builder.idempotencyRetention(Duration.ofHours(retention));
    }
    return builder.build();
  }

  private static Integer integer(Map<String, String> environment, String name) {
    String value = environment.get(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number: " + value, e);
    }
  }

  public int parallelism() {
    return parallelism;
  }

  public int queueLimit() {
    return queueLimit;
  }

  public int outputLimitBytes() {
    return outputLimitBytes;
  }

  public Duration outputFlush() {
    return outputFlush;
  }

  public Duration cancelWait() {
    return cancelWait;
  }

  public Duration idempotencyRetention() {
    return idempotencyRetention;
  }

  public Duration purgeInterval() {
    return purgeInterval;
  }

  @Override
  public String toString() {
    return "ExecutionConfig{parallelism=" + parallelism + ", queueLimit=" + queueLimit
        + ", outputLimitBytes=" + outputLimitBytes + ", outputFlush=" + outputFlush
        + ", cancelWait=" + cancelWait + ", idempotencyRetention=" + idempotencyRetention + '}';
  }

  /** Builds an {@link ExecutionConfig}; setters validate and name the offending value. */
  public static final class Builder {
    private int parallelism = DEFAULT_PARALLELISM;
    private int queueLimit = DEFAULT_QUEUE_LIMIT;
    private int outputLimitBytes = DEFAULT_OUTPUT_LIMIT_BYTES;
    private Duration outputFlush = DEFAULT_OUTPUT_FLUSH;
    private Duration cancelWait = DEFAULT_CANCEL_WAIT;
    private Duration idempotencyRetention = DEFAULT_IDEMPOTENCY_RETENTION;
    private Duration purgeInterval = DEFAULT_PURGE_INTERVAL;

    private Builder() {}

    /** 1..1024. */
    public Builder parallelism(int parallelism) {
      check(PARALLELISM_VARIABLE, parallelism, 1, 1024);
      this.parallelism = parallelism;
      return this;
    }

    /** 1..100000. */
    public Builder queueLimit(int queueLimit) {
      check(QUEUE_LIMIT_VARIABLE, queueLimit, 1, 100_000);
      this.queueLimit = queueLimit;
      return this;
    }

    /** 64 B..64 MiB. */
    public Builder outputLimitBytes(int bytes) {
      check(OUTPUT_LIMIT_VARIABLE, bytes, MIN_OUTPUT_LIMIT_BYTES, MAX_OUTPUT_LIMIT_BYTES);
      this.outputLimitBytes = bytes;
      return this;
    }

    /** 10 ms..10 s. */
    public Builder outputFlush(Duration interval) {
      check(OUTPUT_FLUSH_VARIABLE, interval.toMillis(), 10, 10_000);
      this.outputFlush = interval;
      return this;
    }

    /** 100 ms..60 s. */
    public Builder cancelWait(Duration wait) {
      check(CANCEL_WAIT_VARIABLE, wait.toMillis(), 100, 60_000);
      this.cancelWait = wait;
      return this;
    }

    /** 1 h..30 days; the contract promises clients 24 h. */
    public Builder idempotencyRetention(Duration retention) {
      check(RETENTION_VARIABLE, retention.toHours(), 1, 720);
      this.idempotencyRetention = retention;
      return this;
    }

    /** 1 s..1 day. */
    public Builder purgeInterval(Duration interval) {
      check("purgeInterval (ms)", interval.toMillis(), 1000, 86_400_000);
      this.purgeInterval = interval;
      return this;
    }

    public ExecutionConfig build() {
      return new ExecutionConfig(this);
    }

    private static void check(String name, long value, long min, long max) {
      if (value < min || value > max) {
        throw new IllegalArgumentException(name + " must be " + min + ".." + max + ": " + value);
      }
    }
  }
}
