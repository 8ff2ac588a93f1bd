package dev.towerline.server.edge.ratelimit;

import dev.towerline.server.auth.Role;
import dev.towerline.server.config.environment.EnvironmentVariables;
import java.time.Clock;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The quotas. Immutable; {@link #ofDefaults()}, {@link #custom()} or {@link #fromEnvironment(Map)}.
 * Each quota is {@code <requests>/<window>} ({@code 600/60s}, {@code 100/1m}) or {@code off}.
 *
 * <ul>
 *   <li>{@code RATE_LIMIT_VIEWER}, {@code RATE_LIMIT_OPERATOR}, {@code RATE_LIMIT_ADMIN}: per token
 *       of that role, default {@value #DEFAULT_PER_TOKEN} each.
 *   <li>{@code RATE_LIMIT_ANONYMOUS}: per client address for callers without a token, default
 *       {@value #DEFAULT_ANONYMOUS}.
 *   <li>{@code RATE_LIMIT_WS_CONNECT}: WebSocket connection attempts per client address, default
 *       {@value #DEFAULT_WS_CONNECT}.
 *   <li>{@code RATE_LIMIT_WS_FRAMES}: frames a client sends per connection, default {@value
 *       #DEFAULT_WS_FRAMES}.
 *   <li>{@code RATE_LIMIT_EXEMPT_LOOPBACK}: {@code true} (default) or {@code false}; whether
 *       anonymous requests and connection attempts from a loopback address are exempt.
 * </ul>
 */
public final class RateLimitConfig {

  public static final String VIEWER_VARIABLE = "RATE_LIMIT_VIEWER";
  public static final String OPERATOR_VARIABLE = "RATE_LIMIT_OPERATOR";
  public static final String ADMIN_VARIABLE = "RATE_LIMIT_ADMIN";
  public static final String ANONYMOUS_VARIABLE = "RATE_LIMIT_ANONYMOUS";
  public static final String WS_CONNECT_VARIABLE = "RATE_LIMIT_WS_CONNECT";
  public static final String WS_FRAMES_VARIABLE = "RATE_LIMIT_WS_FRAMES";
  public static final String EXEMPT_LOOPBACK_VARIABLE = "RATE_LIMIT_EXEMPT_LOOPBACK";

  /** 20 requests a second sustained, bursts of 1200: a dashboard, a CI job or a script at full speed. */
  public static final String DEFAULT_PER_TOKEN = "1200/60s";
  /** Anonymous callers off loopback only exist when authentication is switched off: kept lower. */
  public static final String DEFAULT_ANONYMOUS = "600/60s";
  /** One attempt a second sustained: reconnecting clients back off far below that. */
  public static final String DEFAULT_WS_CONNECT = "60/60s";
  /** Two frames a second sustained: a client sends a pong per heartbeat and the odd ping. */
  public static final String DEFAULT_WS_FRAMES = "120/60s";
  /** Keys a quota tracks at most (callers active within one window). */
  public static final int MAX_TRACKED_KEYS = 100_000;

  private final Map<Role, Optional<RateLimit>> perRole;
  private final Optional<RateLimit> anonymous;
  private final Optional<RateLimit> webSocketConnects;
  private final Optional<RateLimit> webSocketFrames;
  private final boolean exemptLoopback;
  private final Clock clock;

  private RateLimitConfig(Builder builder) {
    this.perRole = Collections.unmodifiableMap(new EnumMap<>(builder.perRole));
    this.anonymous = builder.anonymous;
    this.webSocketConnects = builder.webSocketConnects;
    this.webSocketFrames = builder.webSocketFrames;
    this.exemptLoopback = builder.exemptLoopback;
    this.clock = builder.clock;
  }

  public static RateLimitConfig ofDefaults() {
    return custom().build();
  }

  public static Builder custom() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * @throws IllegalArgumentException naming the variable and its value when a value is invalid
   */
  public static RateLimitConfig fromEnvironment(Map<String, String> environment) {
    EnvironmentVariables variables = EnvironmentVariables.of(environment);
    Builder builder = custom();
    for (Role role : Role.values()) {
      String variable = variableOf(role);
      variables.text(variable).ifPresent(text -> builder.perRole(role, RateLimit.parse(variable, text)));
    }
    variables.text(ANONYMOUS_VARIABLE).ifPresent(text -> builder.anonymous(RateLimit.parse(ANONYMOUS_VARIABLE, text)));
    variables.text(WS_CONNECT_VARIABLE).ifPresent(text -> builder.webSocketConnects(RateLimit.parse(WS_CONNECT_VARIABLE, text)));
    variables.text(WS_FRAMES_VARIABLE).ifPresent(text -> builder.webSocketFrames(RateLimit.parse(WS_FRAMES_VARIABLE, text)));
    variables.text(EXEMPT_LOOPBACK_VARIABLE).ifPresent(text -> builder.exemptLoopback(parseBoolean(text)));
    return builder.build();
  }

  /** {@code RATE_LIMIT_<ROLE>}. */
  public static String variableOf(Role role) {
    return "RATE_LIMIT_" + role.name();
  }

  public Optional<RateLimit> perRole(Role role) {
    return perRole.get(role);
  }

  public Optional<RateLimit> anonymous() {
    return anonymous;
  }

  public Optional<RateLimit> webSocketConnects() {
    return webSocketConnects;
  }

  public Optional<RateLimit> webSocketFrames() {
    return webSocketFrames;
  }

  public boolean exemptLoopback() {
    return exemptLoopback;
  }

  /** The clock the buckets refill by; empty for the server's own. Set in code (tests), never by the environment. */
  public Optional<Clock> clock() {
    return Optional.ofNullable(clock);
  }

  private static boolean parseBoolean(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(EXEMPT_LOOPBACK_VARIABLE + " must be true or false: " + text);
    };
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RateLimitConfig that
        && perRole.equals(that.perRole)
        && anonymous.equals(that.anonymous)
        && webSocketConnects.equals(that.webSocketConnects)
        && webSocketFrames.equals(that.webSocketFrames)
        && exemptLoopback == that.exemptLoopback
        && Objects.equals(clock, that.clock);
  }

  @Override
  public int hashCode() {
    return Objects.hash(perRole, anonymous, webSocketConnects, webSocketFrames, exemptLoopback, clock);
  }

  @Override
  public String toString() {
    return "RateLimitConfig{perRole=" + perRole + ", anonymous=" + anonymous + ", webSocketConnects=" + webSocketConnects
        + ", webSocketFrames=" + webSocketFrames + ", exemptLoopback=" + exemptLoopback + '}';
  }

  /** Builds a {@link RateLimitConfig}; {@code Optional.empty()} turns a quota off. */
  public static final class Builder {
    private final Map<Role, Optional<RateLimit>> perRole = new EnumMap<>(Role.class);
    private Optional<RateLimit> anonymous = RateLimit.parse(ANONYMOUS_VARIABLE, DEFAULT_ANONYMOUS);
    private Optional<RateLimit> webSocketConnects = RateLimit.parse(WS_CONNECT_VARIABLE, DEFAULT_WS_CONNECT);
    private Optional<RateLimit> webSocketFrames = RateLimit.parse(WS_FRAMES_VARIABLE, DEFAULT_WS_FRAMES);
    private boolean exemptLoopback = true;
    private Clock clock;

    private Builder() {
      for (Role role : Role.values()) {
        perRole.put(role, RateLimit.parse(variableOf(role), DEFAULT_PER_TOKEN));
      }
    }

    private Builder(RateLimitConfig config) {
      perRole.putAll(config.perRole);
      anonymous = config.anonymous;
      webSocketConnects = config.webSocketConnects;
      webSocketFrames = config.webSocketFrames;
      exemptLoopback = config.exemptLoopback;
      clock = config.clock;
    }

    public Builder perRole(Role role, Optional<RateLimit> limit) {
      perRole.put(Objects.requireNonNull(role, "role"), Objects.requireNonNull(limit, "limit"));
      return this;
    }

    public Builder anonymous(Optional<RateLimit> limit) {
      this.anonymous = Objects.requireNonNull(limit, ANONYMOUS_VARIABLE);
      return this;
    }

    public Builder webSocketConnects(Optional<RateLimit> limit) {
      this.webSocketConnects = Objects.requireNonNull(limit, WS_CONNECT_VARIABLE);
      return this;
    }

    public Builder webSocketFrames(Optional<RateLimit> limit) {
      this.webSocketFrames = Objects.requireNonNull(limit, WS_FRAMES_VARIABLE);
      return this;
    }

    public Builder exemptLoopback(boolean exemptLoopback) {
      this.exemptLoopback = exemptLoopback;
      return this;
    }

    /** The clock buckets refill by (tests: a clock they move); the server's clock when not set. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public RateLimitConfig build() {
      return new RateLimitConfig(this);
    }
  }
}
