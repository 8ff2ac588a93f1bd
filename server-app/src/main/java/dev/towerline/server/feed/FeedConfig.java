package dev.towerline.server.feed;

import dev.towerline.server.config.environment.EnvironmentVariables;
import dev.towerline.server.feed.intake.FrameBudget;
import dev.towerline.server.feed.outbox.OutboxLimits;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How the real-time feeds behave. Immutable; build one with {@link #ofDefaults()}, {@link
 * #custom()} or {@link #fromEnvironment(Map)}, the only place that reads their environment
 * variables (documented in {@code docs/guides/configuration.md}).
 *
 * <ul>
 *   <li>{@code WS_HEARTBEAT_SECONDS}: 1..300, default {@value #DEFAULT_HEARTBEAT_SECONDS}.
 *   <li>{@code WS_MAX_CONNECTIONS}: 1..100000, default {@value #DEFAULT_MAX_CONNECTIONS}.
 *   <li>{@code FEED_RETENTION_EVENTS}: 1..100000000 per feed, default {@value
 *       #DEFAULT_RETENTION_EVENTS}.
 *   <li>{@code FEED_RETENTION_HOURS}: 1..8760, default {@value #DEFAULT_RETENTION_HOURS}.
 *   <li>{@code WS_CLOSE_TIMEOUT_MS}: 0..30000, default {@value #DEFAULT_CLOSE_TIMEOUT_MS}.
 * </ul>
 */
public final class FeedConfig {
  public static final String HEARTBEAT_VARIABLE = "WS_HEARTBEAT_SECONDS";
  public static final String MAX_CONNECTIONS_VARIABLE = "WS_MAX_CONNECTIONS";
  public static final String RETENTION_EVENTS_VARIABLE = "FEED_RETENTION_EVENTS";
  public static final String RETENTION_HOURS_VARIABLE = "FEED_RETENTION_HOURS";
  public static final String CLOSE_TIMEOUT_VARIABLE = "WS_CLOSE_TIMEOUT_MS";

  public static final int DEFAULT_HEARTBEAT_SECONDS = 30;
  public static final int MAX_HEARTBEAT_SECONDS = 300;
  /**
   * Enough for 5,000 feed clients and the dashboards and tools beside them, within what a server
   * started with {@code -Xmx256m} carries: an idle feed connection holds about 17 KB of heap (most
   * of it the container's copy of the upgrade request) and about 40 KB of RSS, and one file
   * descriptor ({@link FileDescriptorBudget}).
   */
  public static final int DEFAULT_MAX_CONNECTIONS = 6_000;
  public static final int MAX_CONNECTIONS_LIMIT = 100_000;
  public static final long DEFAULT_RETENTION_EVENTS = 100_000;
  public static final long MAX_RETENTION_EVENTS = 100_000_000;
  public static final int DEFAULT_RETENTION_HOURS = 24;
  public static final int MAX_RETENTION_HOURS = 8_760;
  /**
   * How long a stopping server waits for its clients to answer the 1012 close before it goes on
   * stopping: long enough for a client across a network, short enough for an orchestrator's grace.
   */
  public static final int DEFAULT_CLOSE_TIMEOUT_MS = 3_000;
  public static final int MAX_CLOSE_TIMEOUT_MS = 30_000;
  /** How often the dashboard feed gets a {@code stats} event. */
  public static final Duration DEFAULT_STATS_INTERVAL = Duration.ofSeconds(5);
  /** How often retention is applied to the event log. */
  public static final Duration DEFAULT_PURGE_INTERVAL = Duration.ofMinutes(1);

  private final Duration heartbeat;
  private final int maxConnections;
  private final long retentionEvents;
  private final Duration retentionAge;
  private final Duration statsInterval;
  private final Duration purgeInterval;
  private final OutboxLimits outboxLimits;
  private final HandshakeAuthorizer authorizer;
  private final Supplier<FrameBudget> frameBudgets;
  private final Duration closeTimeout;

  private FeedConfig(Builder builder) {
    this.heartbeat = builder.heartbeat;
    this.maxConnections = builder.maxConnections;
    this.retentionEvents = builder.retentionEvents;
    this.retentionAge = builder.retentionAge;
    this.statsInterval = builder.statsInterval;
    this.purgeInterval = builder.purgeInterval;
    this.outboxLimits = builder.outboxLimits;
    this.authorizer = builder.authorizer;
    this.frameBudgets = builder.frameBudgets;
    this.closeTimeout = builder.closeTimeout;
  }

  public static FeedConfig ofDefaults() {
    return custom().build();
  }

  public static Builder custom() {
    return new Builder();
  }

  /**
   * @throws IllegalArgumentException naming the variable and its value when a value is invalid
   */
  public static FeedConfig fromEnvironment(Map<String, String> environment) {
    Builder builder = custom();
    String heartbeat = valueOf(environment, HEARTBEAT_VARIABLE);
    if (heartbeat != null) {
      builder.heartbeat(Duration.ofSeconds(parse(heartbeat, heartbeatMessage(heartbeat))));
    }
    String connections = valueOf(environment, MAX_CONNECTIONS_VARIABLE);
    if (connections != null) {
      builder.maxConnections((int) Math.min(Integer.MAX_VALUE, parse(connections, connectionsMessage(connections))));
    }
    String events = valueOf(environment, RETENTION_EVENTS_VARIABLE);
    if (events != null) {
      builder.retentionEvents(parse(events, eventsMessage(events)));
    }
    String hours = valueOf(environment, RETENTION_HOURS_VARIABLE);
    if (hours != null) {
      long parsed = parse(hours, hoursMessage(hours));
      if (parsed < 1 || parsed > MAX_RETENTION_HOURS) {
        throw new IllegalArgumentException(hoursMessage(hours));
      }
      builder.retentionAge(Duration.ofHours(parsed));
    }
    String closeTimeout = valueOf(environment, CLOSE_TIMEOUT_VARIABLE);
    if (closeTimeout != null) {
      long parsed = parse(closeTimeout, closeTimeoutMessage(closeTimeout));
      if (parsed < 0 || parsed > MAX_CLOSE_TIMEOUT_MS) {
        throw new IllegalArgumentException(closeTimeoutMessage(closeTimeout));
      }
      builder.closeTimeout(Duration.ofMillis(parsed));
    }
    return builder.build();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  public Duration heartbeat() {
    return heartbeat;
  }

  public int maxConnections() {
    return maxConnections;
  }

  public long retentionEvents() {
    return retentionEvents;
  }

  public Duration retentionAge() {
    return retentionAge;
  }

  public Duration statsInterval() {
    return statsInterval;
  }

  public Duration purgeInterval() {
    return purgeInterval;
  }

  public OutboxLimits outboxLimits() {
    return outboxLimits;
  }

  /** How long a stop waits for clients to answer the 1012 close (zero: not at all). */
  public Duration closeTimeout() {
    return closeTimeout;
  }

  /** Who may open a feed; set in code, not by the environment. */
  public HandshakeAuthorizer authorizer() {
    return authorizer;
  }

  /** Gives each new connection the budget its client's frames are taken from; set in code, not by the environment. */
  public Supplier<FrameBudget> frameBudgets() {
    return frameBudgets;
  }

  private static String valueOf(Map<String, String> environment, String name) {
    return EnvironmentVariables.of(environment).text(name).orElse(null);
  }

  private static long parse(String value, String message) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(message, e);
    }
  }

  private static String heartbeatMessage(Object value) {
    return HEARTBEAT_VARIABLE + " must be 1.." + MAX_HEARTBEAT_SECONDS + " seconds: " + value;
  }

  private static String connectionsMessage(Object value) {
    return MAX_CONNECTIONS_VARIABLE + " must be 1.." + MAX_CONNECTIONS_LIMIT + ": " + value;
  }

  private static String eventsMessage(Object value) {
    return RETENTION_EVENTS_VARIABLE + " must be 1.." + MAX_RETENTION_EVENTS + ": " + value;
  }

  private static String hoursMessage(Object value) {
    return RETENTION_HOURS_VARIABLE + " must be 1.." + MAX_RETENTION_HOURS + ": " + value;
  }

  private static String closeTimeoutMessage(Object value) {
    return CLOSE_TIMEOUT_VARIABLE + " must be 0.." + MAX_CLOSE_TIMEOUT_MS + " milliseconds: " + value;
  }

  @Override
  public String toString() {
    return "FeedConfig{heartbeat=" + heartbeat + ", maxConnections=" + maxConnections + ", retentionEvents="
        + retentionEvents + ", retentionAge=" + retentionAge + ", statsInterval=" + statsInterval
        + ", purgeInterval=" + purgeInterval + ", outboxLimits=" + outboxLimits + ", closeTimeout=" + closeTimeout + '}';
  }

  /** Builds a {@link FeedConfig}; every setter validates and names the offending value. */
  public static final class Builder {
    private Duration heartbeat = Duration.ofSeconds(DEFAULT_HEARTBEAT_SECONDS);
    private int maxConnections = DEFAULT_MAX_CONNECTIONS;
    private long retentionEvents = DEFAULT_RETENTION_EVENTS;
    private Duration retentionAge = Duration.ofHours(DEFAULT_RETENTION_HOURS);
    private Duration statsInterval = DEFAULT_STATS_INTERVAL;
    private Duration purgeInterval = DEFAULT_PURGE_INTERVAL;
    private OutboxLimits outboxLimits = OutboxLimits.DEFAULT;
    private HandshakeAuthorizer authorizer = HandshakeAuthorizer.ALLOW_ALL;
    private Supplier<FrameBudget> frameBudgets = () -> FrameBudget.UNLIMITED;
    private Duration closeTimeout = Duration.ofMillis(DEFAULT_CLOSE_TIMEOUT_MS);

    private Builder() {}

    private Builder(FeedConfig config) {
      this.heartbeat = config.heartbeat;
      this.maxConnections = config.maxConnections;
      this.retentionEvents = config.retentionEvents;
      this.retentionAge = config.retentionAge;
      this.statsInterval = config.statsInterval;
      this.purgeInterval = config.purgeInterval;
      this.outboxLimits = config.outboxLimits;
      this.authorizer = config.authorizer;
      this.frameBudgets = config.frameBudgets;
      this.closeTimeout = config.closeTimeout;
    }

    /** Whole seconds, 1..300 (tests may use shorter intervals down to 100 ms). */
    public Builder heartbeat(Duration heartbeat) {
      Objects.requireNonNull(heartbeat, HEARTBEAT_VARIABLE);
      if (heartbeat.toMillis() < 100 || heartbeat.compareTo(Duration.ofSeconds(MAX_HEARTBEAT_SECONDS)) > 0) {
        throw new IllegalArgumentException(heartbeatMessage(heartbeat.toSeconds()));
      }
      this.heartbeat = heartbeat;
      return this;
    }

    public Builder maxConnections(int maxConnections) {
      if (maxConnections < 1 || maxConnections > MAX_CONNECTIONS_LIMIT) {
        throw new IllegalArgumentException(connectionsMessage(maxConnections));
      }
      this.maxConnections = maxConnections;
      return this;
    }

    public Builder retentionEvents(long retentionEvents) {
      if (retentionEvents < 1 || retentionEvents > MAX_RETENTION_EVENTS) {
        throw new IllegalArgumentException(eventsMessage(retentionEvents));
      }
      this.retentionEvents = retentionEvents;
      return this;
    }

    /** Positive, at most a year. */
    public Builder retentionAge(Duration retentionAge) {
      Objects.requireNonNull(retentionAge, RETENTION_HOURS_VARIABLE);
      if (retentionAge.isNegative() || retentionAge.isZero() || retentionAge.compareTo(Duration.ofHours(MAX_RETENTION_HOURS)) > 0) {
        throw new IllegalArgumentException(hoursMessage(retentionAge));
      }
      this.retentionAge = retentionAge;
      return this;
    }

    public Builder statsInterval(Duration statsInterval) {
      this.statsInterval = positive(statsInterval, "statsInterval");
      return this;
    }

    public Builder purgeInterval(Duration purgeInterval) {
      this.purgeInterval = positive(purgeInterval, "purgeInterval");
      return this;
    }

    public Builder outboxLimits(OutboxLimits outboxLimits) {
      this.outboxLimits = Objects.requireNonNull(outboxLimits, "outboxLimits");
      return this;
    }

    /** Decides every feed handshake; {@link HandshakeAuthorizer#ALLOW_ALL} by default. */
    public Builder authorizer(HandshakeAuthorizer authorizer) {
      this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
      return this;
    }

    /** A new {@link FrameBudget} per connection; unlimited by default. */
    public Builder frameBudgets(Supplier<FrameBudget> frameBudgets) {
      this.frameBudgets = Objects.requireNonNull(frameBudgets, "frameBudgets");
      return this;
    }

    /** 0..30 s; zero closes without waiting for the clients' answers. */
    public Builder closeTimeout(Duration closeTimeout) {
      Objects.requireNonNull(closeTimeout, CLOSE_TIMEOUT_VARIABLE);
      if (closeTimeout.isNegative() || closeTimeout.compareTo(Duration.ofMillis(MAX_CLOSE_TIMEOUT_MS)) > 0) {
        throw new IllegalArgumentException(closeTimeoutMessage(closeTimeout.toMillis()));
      }
      this.closeTimeout = closeTimeout;
      return this;
    }

    public FeedConfig build() {
      return new FeedConfig(this);
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + value);
      }
      return value;
    }
  }
}
