package dev.towerline.server.edge;

import dev.towerline.server.config.environment.EnvironmentVariables;
import dev.towerline.server.edge.cors.CorsPolicy;
import dev.towerline.server.edge.host.HostPolicy;
import dev.towerline.server.edge.origin.OriginList;
import dev.towerline.server.edge.origin.OriginPolicy;
import dev.towerline.server.edge.ratelimit.RateLimitConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the server's edge checks. Immutable; {@link #ofDefaults()}, {@link #custom()} or {@link
 * #fromEnvironment(Map)} (documented in {@code docs/guides/configuration.md}):
 *
 * <ul>
 *   <li>{@code ALLOWED_HOSTS}: host names, comma-separated, that requests may carry in {@code Host}
 *       besides the loopback names and the bind address; {@code *.example.com} for subdomains,
 *       {@code *} to turn the check off. Default: none.
 *   <li>{@code ALLOWED_ORIGINS}: web origins, comma-separated, whose pages may open feeds besides
 *       the server's own. Default: none.
 *   <li>{@code PUBLIC_BASE_URL}: the URL clients reach the server at ({@code
 *       https://lab.example.com}); {@code Location} headers are built from it, and its host is
 *       allowed. Default: none ({@code Location} from the request's validated {@code Host}).
 *   <li>CORS: {@link CorsPolicy}; rate limits: {@link RateLimitConfig}.
 * </ul>
 */
public final class EdgeConfig {

  public static final String PUBLIC_BASE_URL_VARIABLE = "PUBLIC_BASE_URL";

  private final List<String> allowedHosts;
  private final OriginList allowedOrigins;
  private final Optional<URI> publicBaseUrl;
  private final CorsPolicy cors;
  private final RateLimitConfig rateLimits;

  private EdgeConfig(Builder builder) {
    this.allowedHosts = List.copyOf(builder.allowedHosts);
    this.allowedOrigins = builder.allowedOrigins;
    this.publicBaseUrl = builder.publicBaseUrl;
    this.cors = builder.cors;
    this.rateLimits = builder.rateLimits;
  }

  public static EdgeConfig ofDefaults() {
    return custom().build();
  }

  public static Builder custom() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * @throws IllegalArgumentException naming the first invalid variable and its value
   */
  public static EdgeConfig fromEnvironment(Map<String, String> environment) {
    EnvironmentVariables variables = EnvironmentVariables.of(environment);
    Builder builder = custom();
    variables.text(HostPolicy.ALLOWED_HOSTS_VARIABLE).ifPresent(text -> builder.allowedHosts(entries(text)));
    variables
        .text(OriginPolicy.ALLOWED_ORIGINS_VARIABLE)
        .ifPresent(text -> builder.allowedOrigins(OriginList.parse(OriginPolicy.ALLOWED_ORIGINS_VARIABLE, entries(text), false)));
    variables.text(PUBLIC_BASE_URL_VARIABLE).ifPresent(text -> builder.publicBaseUrl(parseBaseUrl(text)));
    return builder.cors(CorsPolicy.fromEnvironment(environment)).rateLimits(RateLimitConfig.fromEnvironment(environment)).build();
  }

  /** The names requests may carry in {@code Host} on a server bound to {@code bindAddress}. */
  public HostPolicy hostPolicy(String bindAddress) {
    List<String> hosts = new ArrayList<>(allowedHosts);
    publicBaseUrl.ifPresent(url -> hosts.add(url.getHost()));
    return HostPolicy.of(hosts, bindAddress);
  }

  /** Who may open feeds: {@code ALLOWED_ORIGINS} and the CORS origins. */
  public OriginPolicy originPolicy() {
    return new OriginPolicy(allowedOrigins.plus(cors.origins()));
  }

  public List<String> allowedHosts() {
    return allowedHosts;
  }

  public OriginList allowedOrigins() {
    return allowedOrigins;
  }

  /** Without a trailing slash. */
  public Optional<URI> publicBaseUrl() {
    return publicBaseUrl;
  }

  public CorsPolicy cors() {
    return cors;
  }

  public RateLimitConfig rateLimits() {
    return rateLimits;
  }

  private static List<String> entries(String text) {
    return Arrays.stream(text.split(",")).map(String::trim).filter(entry -> !entry.isEmpty()).toList();
  }

  static URI parseBaseUrl(String text) {
    String trimmed = text.trim();
    String withoutSlash = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    IllegalArgumentException refusal =
        new IllegalArgumentException(
            PUBLIC_BASE_URL_VARIABLE + " must be an absolute http(s) URL without query or fragment, such as https://lab.example.com: " + text);
    try {
      URI url = new URI(withoutSlash);
      boolean web = "http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme());
      if (!web || url.getHost() == null || url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
        throw refusal;
      }
      return url;
    } catch (URISyntaxException e) {
      throw refusal;
    }
  }

  @Override
  public String toString() {
    return "EdgeConfig{allowedHosts=" + allowedHosts + ", allowedOrigins=" + allowedOrigins + ", publicBaseUrl="
        + publicBaseUrl.map(URI::toString).orElse("-") + ", cors=" + cors + ", rateLimits=" + rateLimits + '}';
  }

  /** Builds an {@link EdgeConfig}; every setter validates and names the offending value. */
  public static final class Builder {
    private List<String> allowedHosts = List.of();
    private OriginList allowedOrigins = OriginList.none();
    private Optional<URI> publicBaseUrl = Optional.empty();
    private CorsPolicy cors = CorsPolicy.disabled();
    private RateLimitConfig rateLimits = RateLimitConfig.ofDefaults();

    private Builder() {}

    private Builder(EdgeConfig config) {
      allowedHosts = config.allowedHosts;
      allowedOrigins = config.allowedOrigins;
      publicBaseUrl = config.publicBaseUrl;
      cors = config.cors;
      rateLimits = config.rateLimits;
    }

    /** Extra {@code Host} names; each checked now. */
    public Builder allowedHosts(List<String> allowedHosts) {
      HostPolicy.of(allowedHosts, "127.0.0.1");
      this.allowedHosts = List.copyOf(allowedHosts);
      return this;
    }

    public Builder allowedOrigins(OriginList allowedOrigins) {
      this.allowedOrigins = Objects.requireNonNull(allowedOrigins, OriginPolicy.ALLOWED_ORIGINS_VARIABLE);
      return this;
    }

    /** An absolute http(s) URL such as {@code https://lab.example.com}. */
    public Builder publicBaseUrl(String publicBaseUrl) {
      return publicBaseUrl(parseBaseUrl(publicBaseUrl));
    }

    private Builder publicBaseUrl(URI publicBaseUrl) {
      this.publicBaseUrl = Optional.of(publicBaseUrl);
      return this;
    }

    public Builder cors(CorsPolicy cors) {
      this.cors = Objects.requireNonNull(cors, "cors");
      return this;
    }

    public Builder rateLimits(RateLimitConfig rateLimits) {
      this.rateLimits = Objects.requireNonNull(rateLimits, "rateLimits");
      return this;
    }

    public EdgeConfig build() {
      return new EdgeConfig(this);
    }
  }
}
