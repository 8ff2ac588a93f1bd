package dev.towerline.server.edge.ratelimit;

import dev.towerline.server.auth.Actor;
import dev.towerline.server.auth.Role;
import dev.towerline.server.feed.intake.FrameBudget;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every quota of the server and the buckets behind them: requests per token (per client address
 * for anonymous callers), WebSocket connection attempts per client address (counted before
 * authentication, so a flood of bad credentials is limited too), and frames per connection. Each
 * refusal is counted in {@value #METRIC}{@code _total}, by {@code limit} and {@code policy}.
 */
public final class RateLimits {

  /** Micrometer name of the refusal counter; Prometheus shows {@code towerline_rate_limited_total}. */
  public static final String METRIC = "towerline.rate.limited";
  public static final String ANONYMOUS_POLICY = "anonymous";
  static final String WS_CONNECT_POLICY = "websocket_connect";
  static final String WS_FRAMES_POLICY = "websocket_frames";

  private final RateLimitConfig config;
  private final TimeMeter time;
  private final MeterRegistry metrics;
  private final Map<Role, QuotaBuckets> perRole = new EnumMap<>(Role.class);
  private final QuotaBuckets anonymous;
  private final QuotaBuckets webSocketConnects;

  /**
   * @param clock the server's clock; {@link RateLimitConfig#clock()} takes precedence
   */
  public RateLimits(RateLimitConfig config, Clock clock, MeterRegistry metrics) {
    this.config = config;
    this.time = new ClockTimeMeter(config.clock().orElse(clock));
    this.metrics = metrics;
    for (Role role : Role.values()) {
      config.perRole(role).ifPresent(limit -> perRole.put(role, buckets(role.contractName(), limit)));
    }
    this.anonymous = config.anonymous().map(limit -> buckets(ANONYMOUS_POLICY, limit)).orElse(null);
    this.webSocketConnects = config.webSocketConnects().map(limit -> buckets(WS_CONNECT_POLICY, limit)).orElse(null);
  }

  private QuotaBuckets buckets(String policy, RateLimit limit) {
    return new QuotaBuckets(policy, limit, time, RateLimitConfig.MAX_TRACKED_KEYS);
  }

  /**
   * Takes one request from the caller's quota: its token's, or its address's when anonymous.
   *
   * @return empty when no quota applies (turned off, or an exempt loopback caller)
   */
  public Optional<Quota> takeRequest(Actor actor, String clientAddress) {
    Optional<Quota> quota =
        requestBuckets(actor, clientAddress).map(buckets -> buckets.take(actor.isAnonymous() ? clientAddress : actor.name()));
    quota.filter(taken -> !taken.granted()).ifPresent(refused -> count("http", refused.policy()));
    return quota;
  }

  /** Whether {@link #takeRequest} would take nothing from this caller, asked without taking anything. */
  public boolean takesNoRequestFrom(Actor actor, String clientAddress) {
    return requestBuckets(actor, clientAddress).isEmpty();
  }

  /** The quota a request of this caller comes out of; empty when none applies. */
  private Optional<QuotaBuckets> requestBuckets(Actor actor, String clientAddress) {
    if (actor.isAnonymous()) {
      return anonymous == null || exempt(clientAddress) ? Optional.empty() : Optional.of(anonymous);
    }
    return Optional.ofNullable(perRole.get(actor.role()));
  }

  /**
   * Takes one WebSocket connection attempt from {@code clientAddress}'s quota.
   *
   * @return empty when no quota applies
   */
  public Optional<Quota> takeHandshake(String clientAddress) {
    if (webSocketConnects == null || exempt(clientAddress)) {
      return Optional.empty();
    }
    Quota quota = webSocketConnects.take(clientAddress);
    if (!quota.granted()) {
      count("websocket_connect", quota.policy());
    }
    return Optional.of(quota);
  }

  /** A budget for the frames of one new connection. */
  public FrameBudget newFrameBudget() {
    if (config.webSocketFrames().isEmpty()) {
      return FrameBudget.UNLIMITED;
    }
    RateLimit limit = config.webSocketFrames().get();
    Bucket bucket = QuotaBuckets.newBucket(limit, time);
    return () -> {
      boolean granted = bucket.tryConsume(1);
      if (!granted) {
        count("websocket_frame", WS_FRAMES_POLICY);
      }
      return granted;
    };
  }

  private boolean exempt(String clientAddress) {
    return config.exemptLoopback() && isLoopback(clientAddress);
  }

  private void count(String limit, String policy) {
    Counter.builder(METRIC)
        .description("Requests, WebSocket connection attempts and client frames refused by a rate limit")
        .tag("limit", limit)
        .tag("policy", policy)
        .register(metrics)
        .increment();
  }

  /** Whether {@code address}, an IP literal as the transport reports it, is a loopback address. */
  static boolean isLoopback(String address) {
    // Only IP literals: getByName parses those and never looks a name up.
    if (address == null || address.isEmpty() || !address.chars().allMatch(RateLimits::isIpLiteralCharacter)) {
      return false;
    }
    if (address.equals("127.0.0.1") || address.equals("0:0:0:0:0:0:0:1")) {
      return true; // how Grizzly names a loopback caller, without parsing it per request
    }
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static boolean isIpLiteralCharacter(int c) {
    return Character.digit(c, 16) >= 0 || c == '.' || c == ':' || c == '[' || c == ']';
  }
}
