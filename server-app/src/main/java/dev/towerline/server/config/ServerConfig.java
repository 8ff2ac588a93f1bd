package dev.towerline.server.config;

import dev.towerline.server.config.environment.EnvironmentVariables;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the server is started: where it listens and how long it may take to stop. Immutable; build
 * one with {@link #ofDefaults()}, {@link #custom()} or {@link #fromEnvironment(Map)}, the only
 * place that reads environment variables.
 *
 * <ul>
 *   <li>{@code PORT}: TCP port for REST and WebSocket, 0..65535; 0 picks a free port. Default
 *       {@value #DEFAULT_PORT}.
 *   <li>{@code BIND_ADDRESS}: host name or IP address to listen on. Default {@value
 *       #DEFAULT_BIND_ADDRESS} (loopback only).
 *   <li>{@code MAX_REQUEST_BYTES}: largest request body accepted, {@value #MIN_REQUEST_BYTES}..
 *       {@value #MAX_REQUEST_BYTES_LIMIT}; larger ones get 413. Default {@value
 *       #DEFAULT_MAX_REQUEST_BYTES}.
 *   <li>{@code REQUEST_READ_TIMEOUT_MS}: time a client has to send a whole request (headers and
 *       body) from its first byte, {@value #MIN_REQUEST_READ_TIMEOUT_MS}..{@value
 *       #MAX_REQUEST_READ_TIMEOUT_MS}; a request still incomplete then gets 408. Default 10 000.
 *   <li>{@code WRITE_THREADS}: threads that run the REST application's writes (POST, PUT, PATCH,
 *       DELETE), 1..{@value #MAX_THREADS}. Default {@value #DEFAULT_WRITE_THREADS}.
 *   <li>{@code READ_THREADS}: threads that run its other requests, 1..{@value #MAX_THREADS}.
 *       Default {@value #DEFAULT_READ_THREADS}. Connections are read, fast paths answered and feeds
 *       carried by Grizzly's own threads, two per core.
 * </ul>
 */
public final class ServerConfig {

  /** Environment variable naming the port. */
  public static final String PORT_VARIABLE = "PORT";
  /** Environment variable naming the bind address. */
  public static final String BIND_ADDRESS_VARIABLE = "BIND_ADDRESS";
  /** Environment variable naming the request body limit in bytes. */
  public static final String MAX_REQUEST_BYTES_VARIABLE = "MAX_REQUEST_BYTES";
  /** Environment variable naming the request read timeout in milliseconds. */
  public static final String REQUEST_READ_TIMEOUT_VARIABLE = "REQUEST_READ_TIMEOUT_MS";
  /** Environment variable naming the number of threads for the REST application's writes. */
  public static final String WRITE_THREADS_VARIABLE = "WRITE_THREADS";
  /** Environment variable naming the number of threads for the REST application's reads. */
  public static final String READ_THREADS_VARIABLE = "READ_THREADS";

  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
  /** 64 KiB: an execution request is a serial, a command of at most 4096 characters and a number. */
  public static final int DEFAULT_MAX_REQUEST_BYTES = 65_536;
  public static final int MIN_REQUEST_BYTES = 1_024;
  public static final int MAX_REQUEST_BYTES_LIMIT = 16 * 1_024 * 1_024;
  /**
   * 10 s: a request of at most {@link #MAX_REQUEST_BYTES_LIMIT} bytes needs far less on any working
   * link, and a client that cannot finish one in that time holds a connection for nothing.
   */
  public static final Duration DEFAULT_REQUEST_READ_TIMEOUT = Duration.ofSeconds(10);
  public static final long MIN_REQUEST_READ_TIMEOUT_MS = 100;
  public static final long MAX_REQUEST_READ_TIMEOUT_MS = 300_000;
  /**
   * 16: a write waits for its commit, and on PostgreSQL that wait is I/O, not CPU. Grizzly's own
   * default (two per core, 4 on 2 cores) left 10 concurrent creates queueing for a thread while the
   * threads they waited for were idle in the database; 16 exceeds the database pool (10), so every
   * connection of the pool can be busy while other requests still run.
   */
  public static final int DEFAULT_WRITE_THREADS = 16;
  /**
   * 16, as many as for writes: a read of an execution waits for the database too, and on
   * PostgreSQL two per core held get-execution at 10 connections to 5.0k/s against 7.2k/s.
   */
  public static final int DEFAULT_READ_THREADS = 16;
  public static final int MAX_THREADS = 1_024;
  /** Time in-flight requests get to finish on stop before connections are cut. */
  public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

  static final int MAX_PORT = 65_535;
  // Host names, IPv4 and IPv6 literals (with an optional zone id); not resolved here.
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:%-]+");

  private final int port;
  private final String bindAddress;
  private final Duration shutdownTimeout;
  private final int maxRequestBytes;
  private final Duration requestReadTimeout;
  private final int writeThreads;
  private final int readThreads;

  private ServerConfig(Builder builder) {
    this.port = builder.port;
    this.bindAddress = builder.bindAddress;
    this.shutdownTimeout = builder.shutdownTimeout;
    this.maxRequestBytes = builder.maxRequestBytes;
    this.requestReadTimeout = builder.requestReadTimeout;
    this.writeThreads = builder.writeThreads;
    this.readThreads = builder.readThreads;
  }

  /** All defaults: port 8080 on 127.0.0.1. */
  public static ServerConfig ofDefaults() {
    return custom().build();
  }

  /** A builder starting from the defaults. */
  public static Builder custom() {
    return new Builder();
  }

  /**
   * Reads {@code PORT} and {@code BIND_ADDRESS} from {@code environment} (usually {@code
   * System.getenv()}); a variable that is absent or blank keeps its default.
   *
   * @throws IllegalArgumentException naming the variable and its value when a value is invalid
   */
  public static ServerConfig fromEnvironment(Map<String, String> environment) {
    Builder builder = custom();
    String port = valueOf(environment, PORT_VARIABLE);
    if (port != null) {
      builder.port(parseInt(port, portMessage(port)));
    }
    String bindAddress = valueOf(environment, BIND_ADDRESS_VARIABLE);
    if (bindAddress != null) {
      builder.bindAddress(bindAddress);
    }
    String maxRequestBytes = valueOf(environment, MAX_REQUEST_BYTES_VARIABLE);
    if (maxRequestBytes != null) {
      builder.maxRequestBytes(parseInt(maxRequestBytes, maxRequestBytesMessage(maxRequestBytes)));
    }
    String requestReadTimeout = valueOf(environment, REQUEST_READ_TIMEOUT_VARIABLE);
    if (requestReadTimeout != null) {
      builder.requestReadTimeout(
          Duration.ofMillis(parseLong(requestReadTimeout, requestReadTimeoutMessage(requestReadTimeout))));
    }
    String writeThreads = valueOf(environment, WRITE_THREADS_VARIABLE);
    if (writeThreads != null) {
      builder.writeThreads(parseInt(writeThreads, threadsMessage(WRITE_THREADS_VARIABLE, writeThreads)));
    }
    String readThreads = valueOf(environment, READ_THREADS_VARIABLE);
    if (readThreads != null) {
      builder.readThreads(parseInt(readThreads, threadsMessage(READ_THREADS_VARIABLE, readThreads)));
    }
    return builder.build();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The configured port; 0 means "any free port" (ask the running server for the bound one). */
  public int port() {
    return port;
  }

  public String bindAddress() {
    return bindAddress;
  }

  public Duration shutdownTimeout() {
    return shutdownTimeout;
  }

  public int maxRequestBytes() {
    return maxRequestBytes;
  }

  /** How long a client may take to send a whole request, from its first byte. */
  public Duration requestReadTimeout() {
    return requestReadTimeout;
  }

  /** Threads that run the REST application's writes, which wait for their commit. */
  public int writeThreads() {
    return writeThreads;
  }

  /** Threads that run the REST application's other requests. */
  public int readThreads() {
    return readThreads;
  }

  private static String valueOf(Map<String, String> environment, String name) {
    return EnvironmentVariables.of(environment).text(name).orElse(null);
  }

  private static int parseInt(String value, String message) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(message, e);
    }
  }

  private static long parseLong(String value, String message) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(message, e);
    }
  }

  private static String requestReadTimeoutMessage(Object value) {
    return REQUEST_READ_TIMEOUT_VARIABLE + " must be " + MIN_REQUEST_READ_TIMEOUT_MS + ".." + MAX_REQUEST_READ_TIMEOUT_MS + " ms: " + value;
  }

  private static String threadsMessage(String variable, Object value) {
    return variable + " must be 1.." + MAX_THREADS + ": " + value;
  }

  private static String maxRequestBytesMessage(Object value) {
    return MAX_REQUEST_BYTES_VARIABLE + " must be " + MIN_REQUEST_BYTES + ".." + MAX_REQUEST_BYTES_LIMIT + ": " + value;
  }

  private static String portMessage(Object value) {
    return PORT_VARIABLE + " must be 0.." + MAX_PORT + ": " + value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ServerConfig that
        && port == that.port
        && bindAddress.equals(that.bindAddress)
        && shutdownTimeout.equals(that.shutdownTimeout)
        && maxRequestBytes == that.maxRequestBytes
        && requestReadTimeout.equals(that.requestReadTimeout)
        && writeThreads == that.writeThreads
        && readThreads == that.readThreads;
  }

  @Override
  public int hashCode() {
    return Objects.hash(port, bindAddress, shutdownTimeout, maxRequestBytes, requestReadTimeout, writeThreads, readThreads);
  }

  @Override
  public String toString() {
    return "ServerConfig{port="
        + port
        + ", bindAddress="
        + bindAddress
        + ", shutdownTimeout="
        + shutdownTimeout
        + ", maxRequestBytes="
        + maxRequestBytes
        + ", requestReadTimeout="
        + requestReadTimeout
        + ", writeThreads="
        + writeThreads
        + ", readThreads="
        + readThreads
        + '}';
  }

  /** Builds a {@link ServerConfig}; every setter validates and names the offending value. */
  public static final class Builder {
    private int port = DEFAULT_PORT;
    private String bindAddress = DEFAULT_BIND_ADDRESS;
    private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;
    private int maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
    private Duration requestReadTimeout = DEFAULT_REQUEST_READ_TIMEOUT;
    private int writeThreads = DEFAULT_WRITE_THREADS;
    private int readThreads = DEFAULT_READ_THREADS;

    private Builder() {}

    private Builder(ServerConfig config) {
      this.port = config.port;
      this.bindAddress = config.bindAddress;
      this.shutdownTimeout = config.shutdownTimeout;
      this.maxRequestBytes = config.maxRequestBytes;
      this.requestReadTimeout = config.requestReadTimeout;
      this.writeThreads = config.writeThreads;
      this.readThreads = config.readThreads;
    }

    /** 1..{@value ServerConfig#MAX_THREADS}. */
    public Builder writeThreads(int writeThreads) {
      this.writeThreads = threads(WRITE_THREADS_VARIABLE, writeThreads);
      return this;
    }

    /** 1..{@value ServerConfig#MAX_THREADS}. */
    public Builder readThreads(int readThreads) {
      this.readThreads = threads(READ_THREADS_VARIABLE, readThreads);
      return this;
    }

    private static int threads(String variable, int threads) {
      if (threads < 1 || threads > MAX_THREADS) {
        throw new IllegalArgumentException(threadsMessage(variable, threads));
      }
      return threads;
    }

    /** {@value ServerConfig#MIN_REQUEST_READ_TIMEOUT_MS}..{@value ServerConfig#MAX_REQUEST_READ_TIMEOUT_MS} ms. */
    public Builder requestReadTimeout(Duration requestReadTimeout) {
      Objects.requireNonNull(requestReadTimeout, "requestReadTimeout");
      long millis = requestReadTimeout.toMillis();
      if (millis < MIN_REQUEST_READ_TIMEOUT_MS || millis > MAX_REQUEST_READ_TIMEOUT_MS) {
        throw new IllegalArgumentException(requestReadTimeoutMessage(millis));
      }
      this.requestReadTimeout = requestReadTimeout;
      return this;
    }

    /** {@value ServerConfig#MIN_REQUEST_BYTES}..{@value ServerConfig#MAX_REQUEST_BYTES_LIMIT} bytes. */
    public Builder maxRequestBytes(int maxRequestBytes) {
      if (maxRequestBytes < MIN_REQUEST_BYTES || maxRequestBytes > MAX_REQUEST_BYTES_LIMIT) {
        throw new IllegalArgumentException(maxRequestBytesMessage(maxRequestBytes));
      }
      this.maxRequestBytes = maxRequestBytes;
      return this;
    }

    /** 0..65535; 0 picks a free port. */
    public Builder port(int port) {
      if (port < 0 || port > MAX_PORT) {
        throw new IllegalArgumentException(portMessage(port));
      }
      this.port = port;
      return this;
    }

    /** A host name or an IP address (IPv6 with or without brackets). */
    public Builder bindAddress(String bindAddress) {
      Objects.requireNonNull(bindAddress, BIND_ADDRESS_VARIABLE);
      String host = stripBrackets(bindAddress);
      if (!HOST.matcher(host).matches()) {
        throw new IllegalArgumentException(
            BIND_ADDRESS_VARIABLE + " must be a host name or an IP address: " + bindAddress);
      }
      this.bindAddress = host;
      return this;
    }

    /** How long a stop waits for in-flight requests; positive. */
    public Builder shutdownTimeout(Duration shutdownTimeout) {
      Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
      if (shutdownTimeout.isNegative() || shutdownTimeout.isZero()) {
        throw new IllegalArgumentException("shutdownTimeout must be positive: " + shutdownTimeout);
      }
      this.shutdownTimeout = shutdownTimeout;
      return this;
    }

    public ServerConfig build() {
      return new ServerConfig(this);
    }

    private static String stripBrackets(String host) {
      return host.length() > 2 && host.startsWith("[") && host.endsWith("]")
          ? host.substring(1, host.length() - 1)
          : host;
    }
  }
}
