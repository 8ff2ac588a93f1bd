package dev.towerline.server.edge.cors;

import dev.towerline.server.config.environment.EnvironmentVariables;
import dev.towerline.server.edge.origin.OriginList;
import dev.towerline.server.edge.origin.WebOrigin;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which web pages may call the API from another origin, and what their browsers are told.
 * Immutable; {@link #disabled()} or {@link #fromEnvironment(Map)}:
 *
 * <ul>
 *   <li>{@code CORS_ALLOWED_ORIGINS}: comma-separated origins ({@code https://lab.example.com}), or
 *       {@code *} for any page. Default: none (no CORS headers at all).
 *   <li>{@code CORS_ALLOW_CREDENTIALS}: {@code true} or {@code false} (default); whether browsers
 *       may send cookies or TLS client certificates. Never together with {@code *}.
 *   <li>{@code CORS_MAX_AGE_SECONDS}: how long a browser may cache a preflight answer, 0..86400,
 *       default {@value #DEFAULT_MAX_AGE_SECONDS}.
 * </ul>
 */
public final class CorsPolicy {

  public static final String ALLOWED_ORIGINS_VARIABLE = "CORS_ALLOWED_ORIGINS";
  public static final String ALLOW_CREDENTIALS_VARIABLE = "CORS_ALLOW_CREDENTIALS";
  public static final String MAX_AGE_VARIABLE = "CORS_MAX_AGE_SECONDS";
  /** Ten minutes: Chromium's own cap on a cached preflight is two hours, Firefox's a day. */
  public static final int DEFAULT_MAX_AGE_SECONDS = 600;
  public static final int MAX_MAX_AGE_SECONDS = 86_400;

  /** The methods the API has. */
  public static final List<String> ALLOWED_METHODS = List.of("GET", "HEAD", "POST");
  /** Request headers the API reads beyond the CORS-safelisted ones. */
  public static final List<String> ALLOWED_HEADERS = List.of("Authorization", "Content-Type", "Idempotency-Key", "X-Request-Id");
  /** Response headers scripts may read beyond the CORS-safelisted ones. */
  public static final List<String> EXPOSED_HEADERS =
      List.of(
          "X-Request-Id", "Retry-After", "Deprecation", "Sunset", "Link", "Idempotent-Replayed", "Location", "RateLimit",
          "RateLimit-Policy", "WWW-Authenticate");

  private final OriginList origins;
  private final boolean allowCredentials;
  private final Duration maxAge;

  private CorsPolicy(OriginList origins, boolean allowCredentials, Duration maxAge) {
    if (origins.isAny() && allowCredentials) {
      throw new IllegalArgumentException(
          ALLOWED_ORIGINS_VARIABLE + "=* cannot be combined with " + ALLOW_CREDENTIALS_VARIABLE
              + "=true: any web page could then make requests with its visitors' credentials; list the origins instead");
    }
    this.origins = origins;
    this.allowCredentials = allowCredentials;
    this.maxAge = maxAge;
  }

  /** No cross-origin access: the server sends no CORS headers. */
  public static CorsPolicy disabled() {
    return new CorsPolicy(OriginList.none(), false, Duration.ofSeconds(DEFAULT_MAX_AGE_SECONDS));
  }

  /**
   * @throws IllegalArgumentException naming the variable and value, also for {@code *} with credentials
   */
  public static CorsPolicy of(OriginList origins, boolean allowCredentials, Duration maxAge) {
    long seconds = maxAge.getSeconds();
    if (seconds < 0 || seconds > MAX_MAX_AGE_SECONDS) {
      throw new IllegalArgumentException(MAX_AGE_VARIABLE + " must be 0.." + MAX_MAX_AGE_SECONDS + " seconds: " + seconds);
    }
    return new CorsPolicy(origins, allowCredentials, maxAge);
  }

  /**
   * @throws IllegalArgumentException naming the variable and value that is invalid
   */
  public static CorsPolicy fromEnvironment(Map<String, String> environment) {
    EnvironmentVariables variables = EnvironmentVariables.of(environment);
    OriginList origins =
        variables
            .text(ALLOWED_ORIGINS_VARIABLE)
            .map(text -> OriginList.parse(ALLOWED_ORIGINS_VARIABLE, Arrays.asList(text.split(",")), true))
            .orElse(OriginList.none());
    boolean credentials = variables.text(ALLOW_CREDENTIALS_VARIABLE).map(CorsPolicy::parseBoolean).orElse(false);
    long maxAge = variables.wholeNumber(MAX_AGE_VARIABLE).orElse((long) DEFAULT_MAX_AGE_SECONDS);
    return of(origins, credentials, Duration.ofSeconds(maxAge));
  }

  /** Whether any origin is allowed at all; when not, the server sends no CORS headers. */
  public boolean isEnabled() {
    return !origins.isEmpty();
  }

  /**
   * The {@code Access-Control-Allow-Origin} value for a request from {@code origin}; empty when
   * that origin may not read the answer.
   */
  public Optional<String> allowOriginValue(String origin) {
    if (origin == null || origins.isEmpty()) {
      return Optional.empty();
    }
    if (origins.isAny()) {
      return Optional.of(OriginList.ANY);
    }
    return WebOrigin.parse(origin).filter(origins::contains).map(unused -> origin.trim());
  }

  public boolean allowCredentials() {
    return allowCredentials;
  }

  public Duration maxAge() {
    return maxAge;
  }

  /** The allowed origins, which may also open feeds. */
  public OriginList origins() {
    return origins;
  }

  private static boolean parseBoolean(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(ALLOW_CREDENTIALS_VARIABLE + " must be true or false: " + text);
    };
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CorsPolicy that
        && origins.equals(that.origins)
        && allowCredentials == that.allowCredentials
        && maxAge.equals(that.maxAge);
  }

  @Override
  public int hashCode() {
    return Objects.hash(origins, allowCredentials, maxAge);
  }

  @Override
  public String toString() {
    return "CorsPolicy{origins=" + origins + ", allowCredentials=" + allowCredentials + ", maxAge=" + maxAge + '}';
  }
}
