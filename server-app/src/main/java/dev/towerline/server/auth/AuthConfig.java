package dev.towerline.server.auth;

import dev.towerline.server.config.environment.EnvironmentVariables;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may call the server. Immutable; build one with {@link #ofDefaults()}, {@link #custom()} or
 * {@link #fromEnvironment(Map)}, the only place that reads these variables (documented in {@code
 * docs/guides/configuration.md} and {@code docs/guides/security.md}).
 *
 * <ul>
 *   <li>{@code TOKENS_FILE}: a file of token lines ({@link TokenLines}), re-read when it changes.
 *   <li>{@code TOKENS}: token lines in the variable itself, separated by {@code ;} or line breaks.
 *   <li>{@code TOKENS_RELOAD_MS}: how often the file is checked for changes, {@value
 *       #MIN_RELOAD_MS}..{@value #MAX_RELOAD_MS}, default {@value #DEFAULT_RELOAD_MS}.
 *   <li>{@code AUTH_DISABLED}: {@code true} serves everyone without a token on any address (a
 *       warning at every start); default {@code false}.
 *   <li>{@code ANONYMOUS_ENDPOINTS}: comma-separated {@code metrics}, {@code health_full}, {@code
 *       docs} served without a token when tokens are configured; default none.
 * </ul>
 */
public final class AuthConfig {
  public static final String TOKENS_FILE_VARIABLE = "TOKENS_FILE";
  public static final String TOKENS_VARIABLE = "TOKENS";
  public static final String RELOAD_VARIABLE = "TOKENS_RELOAD_MS";
  public static final String DISABLED_VARIABLE = "AUTH_DISABLED";
  public static final String ANONYMOUS_ENDPOINTS_VARIABLE = "ANONYMOUS_ENDPOINTS";

  public static final long DEFAULT_RELOAD_MS = 2_000;
  public static final long MIN_RELOAD_MS = 50;
  public static final long MAX_RELOAD_MS = 60_000;

  private final Path tokensFile;
  private final List<TokenEntry> tokens;
  private final Duration reloadInterval;
  private final boolean disabled;
  private final Set<AnonymousEndpoint> anonymousEndpoints;

  private AuthConfig(Builder builder) {
    this.tokensFile = builder.tokensFile;
    this.tokens = List.copyOf(builder.tokens);
    this.reloadInterval = builder.reloadInterval;
    this.disabled = builder.disabled;
    this.anonymousEndpoints = Set.copyOf(builder.anonymousEndpoints);
  }

  /** No tokens: loopback only. */
  public static AuthConfig ofDefaults() {
    return custom().build();
  }

  public static Builder custom() {
    return new Builder();
  }

  /**
   * @throws IllegalArgumentException naming the variable and its value (never a token line's
   *     content) when a value is invalid
   */
  public static AuthConfig fromEnvironment(Map<String, String> environment) {
    EnvironmentVariables variables = EnvironmentVariables.of(environment);
    Builder builder = custom();
    variables.text(TOKENS_FILE_VARIABLE).ifPresent(file -> builder.tokensFile(Path.of(file)));
    variables.text(TOKENS_VARIABLE).ifPresent(lines -> builder.tokens(TokenLines.parseVariable(TOKENS_VARIABLE, lines)));
    variables.wholeNumber(RELOAD_VARIABLE).ifPresent(ms -> builder.reloadInterval(Duration.ofMillis(ms)));
    variables.text(DISABLED_VARIABLE).ifPresent(value -> builder.disabled(parseBoolean(value)));
    variables.text(ANONYMOUS_ENDPOINTS_VARIABLE).ifPresent(value -> builder.anonymousEndpoints(parseEndpoints(value)));
    return builder.build();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The tokens file, re-read when it changes. */
  public Optional<Path> tokensFile() {
    return Optional.ofNullable(tokensFile);
  }

  /** Tokens given in {@code TOKENS}. */
  public List<TokenEntry> tokens() {
    return tokens;
  }

  public Duration reloadInterval() {
    return reloadInterval;
  }

  /** {@code AUTH_DISABLED=true}: no authentication at all, on any address. */
  public boolean disabled() {
    return disabled;
  }

  public Set<AnonymousEndpoint> anonymousEndpoints() {
    return anonymousEndpoints;
  }

  /**
   * How requests are authenticated: {@link AuthMode#TOKENS} when a tokens file or tokens are
   * configured (even while the file lists none: then nobody gets in), else loopback-only anonymous
   * or, when explicitly disabled, anonymous everywhere.
   */
  public AuthMode mode() {
    if (tokensFile != null || !tokens.isEmpty()) {
      return AuthMode.TOKENS;
    }
    return disabled ? AuthMode.DISABLED : AuthMode.LOOPBACK_ONLY;
  }

  private static boolean parseBoolean(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(DISABLED_VARIABLE + " must be true or false: " + value);
    };
  }

  private static Set<AnonymousEndpoint> parseEndpoints(String value) {
    Set<AnonymousEndpoint> endpoints = EnumSet.noneOf(AnonymousEndpoint.class);
    for (String name : value.split(",")) {
      String trimmed = name.trim();
      if (trimmed.isEmpty() || trimmed.equals("none")) {
        continue;
      }
      endpoints.add(
          AnonymousEndpoint.fromSettingName(trimmed.toLowerCase(Locale.ROOT))
              .orElseThrow(() -> new IllegalArgumentException(ANONYMOUS_ENDPOINTS_VARIABLE + " may list "
                  + java.util.Arrays.stream(AnonymousEndpoint.values()).map(AnonymousEndpoint::settingName).collect(Collectors.joining(", "))
                  + ": " + value)));
    }
    return endpoints;
  }

  private static String reloadMessage(Object value) {
    return RELOAD_VARIABLE + " must be " + MIN_RELOAD_MS + ".." + MAX_RELOAD_MS + " ms: " + value;
  }

  @Override
  public String toString() {
    return "AuthConfig{mode=" + mode() + ", tokensFile=" + tokensFile + ", tokens=" + tokens.size()
        + ", reloadInterval=" + reloadInterval + ", anonymousEndpoints=" + anonymousEndpoints + '}';
  }

  /** Builds an {@link AuthConfig}; every setter validates and names the offending value. */
  public static final class Builder {
    private Path tokensFile;
    private List<TokenEntry> tokens = List.of();
    private Duration reloadInterval = Duration.ofMillis(DEFAULT_RELOAD_MS);
    private boolean disabled;
    private Set<AnonymousEndpoint> anonymousEndpoints = Set.of();

    private Builder() {}

    private Builder(AuthConfig config) {
      this.tokensFile = config.tokensFile;
      this.tokens = config.tokens;
      this.reloadInterval = config.reloadInterval;
      this.disabled = config.disabled;
      this.anonymousEndpoints = config.anonymousEndpoints;
    }

    /** A tokens file; null for none. */
    public Builder tokensFile(Path tokensFile) {
      this.tokensFile = tokensFile;
      return this;
    }

    public Builder tokens(List<TokenEntry> tokens) {
      this.tokens = List.copyOf(Objects.requireNonNull(tokens, TOKENS_VARIABLE));
      return this;
    }

    /** {@value AuthConfig#MIN_RELOAD_MS}..{@value AuthConfig#MAX_RELOAD_MS} ms. */
    public Builder reloadInterval(Duration reloadInterval) {
      Objects.requireNonNull(reloadInterval, RELOAD_VARIABLE);
      if (reloadInterval.toMillis() < MIN_RELOAD_MS || reloadInterval.toMillis() > MAX_RELOAD_MS) {
        throw new IllegalArgumentException(reloadMessage(reloadInterval.toMillis()));
      }
      this.reloadInterval = reloadInterval;
      return this;
    }

    public Builder disabled(boolean disabled) {
      this.disabled = disabled;
      return this;
    }

    public Builder anonymousEndpoints(Collection<AnonymousEndpoint> anonymousEndpoints) {
      this.anonymousEndpoints = Set.copyOf(anonymousEndpoints);
      return this;
    }

    /**
     * @throws IllegalArgumentException when auth is disabled and tokens are configured too: one of
     *     the two settings is a mistake, and guessing which would be unsafe
     */
    public AuthConfig build() {
      if (disabled && (tokensFile != null || !tokens.isEmpty())) {
        throw new IllegalArgumentException(
            DISABLED_VARIABLE + "=true contradicts " + (tokensFile != null ? TOKENS_FILE_VARIABLE : TOKENS_VARIABLE)
                + "; set one or the other");
      }
      return new AuthConfig(this);
    }
  }
}
