package dev.towerline.server.store;

import dev.towerline.server.config.environment.EnvironmentVariables;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where the data lives. Immutable; {@link #ofDefaults()}, {@link #custom()} or {@link
 * #fromEnvironment(Map)}.
 *
 * <ul>
 *   <li>{@code DATABASE_URL}: a {@code jdbc:postgresql://} or {@code jdbc:h2:} URL. Default: an
 *       embedded H2 file database {@code towerline} in {@code DATA_DIR}. Embedded H2 file URLs
 *       write every commit to the file ({@code WRITE_DELAY=0}) unless they set {@code
 *       WRITE_DELAY} themselves.
 *   <li>{@code DATABASE_USER}, {@code DATABASE_PASSWORD}: credentials, if the database needs them.
 *   <li>{@code DATA_DIR}: folder of the embedded database. Default {@value #DEFAULT_DATA_DIR}.
 *   <li>{@code DATABASE_TIMEOUT_MS}: longest wait for a connection before a request gets 503
 *       DATABASE_UNAVAILABLE. Default 1000.
 * </ul>
 */
public final class DatabaseConfig {
  public static final String URL_VARIABLE = "DATABASE_URL";
  public static final String USER_VARIABLE = "DATABASE_USER";
  public static final String PASSWORD_VARIABLE = "DATABASE_PASSWORD";
  public static final String DATA_DIR_VARIABLE = "DATA_DIR";
  public static final String TIMEOUT_VARIABLE = "DATABASE_TIMEOUT_MS";

  public static final String DEFAULT_DATA_DIR = "data";
  /** Short, so an outage answers 503 quickly instead of holding request threads. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(1000);
  public static final int DEFAULT_POOL_SIZE = 10;
  /**
   * H2 writes each commit to its file before the commit returns, so what the server acknowledged
   * survives a killed process (not a power loss: H2 does not fsync on commit).
   */
  static final String WRITE_ON_COMMIT = ";WRITE_DELAY=0";

  private final String url;
  private final String user;
  private final String password;
  private final Duration timeout;
  private final int poolSize;

  private DatabaseConfig(Builder builder) {
    this.url = builder.url != null ? durable(builder.url) : embeddedUrl(Path.of(builder.dataDir));
    this.user = builder.user;
    this.password = builder.password;
    this.timeout = builder.timeout;
    this.poolSize = builder.poolSize;
  }

  public static DatabaseConfig ofDefaults() {
    return custom().build();
  }

  public static Builder custom() {
    return new Builder();
  }

  /**
   * @throws IllegalArgumentException naming the variable and its value when a value is invalid
   */
  public static DatabaseConfig fromEnvironment(Map<String, String> environment) {
    Builder builder = custom();
    String url = valueOf(environment, URL_VARIABLE);
    if (url != null) {
      builder.url(url);
    }
    String dataDir = valueOf(environment, DATA_DIR_VARIABLE);
    if (dataDir != null) {
      builder.dataDir(dataDir);
    }
    builder.user(valueOf(environment, USER_VARIABLE));
    builder.password(environment.get(PASSWORD_VARIABLE));
    String timeout = valueOf(environment, TIMEOUT_VARIABLE);
    if (timeout != null) {
      try {
        builder.timeout(Duration.ofMillis(Long.parseLong(timeout)));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(TIMEOUT_VARIABLE + " must be 250..30000: " + timeout, e);
      }
    }
    return builder.build();
  }

  /** An H2 file database in {@code dataDir}, in PostgreSQL mode so both speak the same SQL. */
  static String embeddedUrl(Path dataDir) {
    return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("towerline") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
        // H2's own exit hook would close the database under the server's orderly stop.
        + ";DB_CLOSE_ON_EXIT=FALSE"
        + WRITE_ON_COMMIT;
  }

  /**
   * An embedded H2 file URL that does not choose its own {@code WRITE_DELAY} gets {@link
   * #WRITE_ON_COMMIT}: H2's default delay (500 ms) would let a kill lose work the server already
   * acknowledged. In-memory and client/server ({@code tcp:}, {@code ssl:}) URLs are left alone.
   */
  static String durable(String url) {
    if (!isEmbeddedH2File(url) || url.toUpperCase(Locale.ROOT).contains(";WRITE_DELAY=")) {
      return url;
    }
    return url + WRITE_ON_COMMIT;
  }

  /** A {@code jdbc:h2:} URL whose database lives in a file this process opens itself. */
  static boolean isEmbeddedH2File(String url) {
    if (!url.startsWith("jdbc:h2:")) {
      return false;
    }
    String location = url.substring("jdbc:h2:".length()).toLowerCase(Locale.ROOT);
    return !(location.startsWith("mem:") || location.startsWith("tcp:") || location.startsWith("ssl:"));
  }

  public String url() {
    return url;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  public Duration timeout() {
    return timeout;
  }

  public int poolSize() {
    return poolSize;
  }

  public boolean isPostgres() {
    return url.startsWith("jdbc:postgresql:");
  }

  /** An H2 database in a file this process opens itself (the default store). */
  public boolean isEmbeddedH2File() {
    return isEmbeddedH2File(url);
  }

  /** The URL without credentials or options, for logs and health messages. */
  public String displayUrl() {
    int options = url.indexOf(url.startsWith("jdbc:h2:") ? ';' : '?');
    return options < 0 ? url : url.substring(0, options);
  }

  private static String valueOf(Map<String, String> environment, String name) {
    return EnvironmentVariables.of(environment).text(name).orElse(null);
  }

  @Override
  public String toString() {
    return "DatabaseConfig{url=" + displayUrl() + ", user=" + user + ", timeout=" + timeout + ", poolSize=" + poolSize + '}';
  }

  /** Builds a {@link DatabaseConfig}; setters validate and name the offending value. */
  public static final class Builder {
    private String url;
    private String dataDir = DEFAULT_DATA_DIR;
    private String user;
    private String password;
    private Duration timeout = DEFAULT_TIMEOUT;
    private int poolSize = DEFAULT_POOL_SIZE;

    private Builder() {}

    public Builder url(String url) {
      Objects.requireNonNull(url, "url");
      if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
        throw new IllegalArgumentException(URL_VARIABLE + " must be a jdbc:postgresql: or jdbc:h2: URL: " + url);
      }
      this.url = url;
      return this;
    }

    public Builder dataDir(String dataDir) {
      this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
      return this;
    }

    public Builder user(String user) {
      this.user = user;
      return this;
    }

    public Builder password(String password) {
      this.password = password;
      return this;
    }

    /** 250 ms..30 s. */
    public Builder timeout(Duration timeout) {
      if (timeout.toMillis() < 250 || timeout.toMillis() > 30_000) {
        throw new IllegalArgumentException(TIMEOUT_VARIABLE + " must be 250..30000: " + timeout.toMillis());
      }
      this.timeout = timeout;
      return this;
    }

    public Builder poolSize(int poolSize) {
      if (poolSize < 1 || poolSize > 200) {
        throw new IllegalArgumentException("poolSize must be 1..200: " + poolSize);
      }
      this.poolSize = poolSize;
      return this;
    }

    public DatabaseConfig build() {
      return new DatabaseConfig(this);
    }
  }
}
