package dev.towerline.server.config;

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
 * </ul>
 */
public final class ServerConfig {

  /** Environment variable naming the port. */
  public static final String PORT_VARIABLE = "PORT";
  /** Environment variable naming the bind address. */
  public static final String BIND_ADDRESS_VARIABLE = "BIND_ADDRESS";

  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
  /** Time in-flight requests get to finish on stop before connections are cut. */
  public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

  static final int MAX_PORT = 65_535;
  // Host names, IPv4 and IPv6 literals (with an optional zone id); not resolved here.
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:%-]+");

  private final int port;
  private final String bindAddress;
  private final Duration shutdownTimeout;

  private ServerConfig(Builder builder) {
    this.port = builder.port;
    this.bindAddress = builder.bindAddress;
    this.shutdownTimeout = builder.shutdownTimeout;
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
      builder.port(parsePort(port));
    }
    String bindAddress = valueOf(environment, BIND_ADDRESS_VARIABLE);
    if (bindAddress != null) {
      builder.bindAddress(bindAddress);
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

  private static String valueOf(Map<String, String> environment, String name) {
    String value = environment.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static int parsePort(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(portMessage(value), e);
    }
  }

  private static String portMessage(Object value) {
    return PORT_VARIABLE + " must be 0.." + MAX_PORT + ": " + value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ServerConfig that
        && port == that.port
        && bindAddress.equals(that.bindAddress)
        && shutdownTimeout.equals(that.shutdownTimeout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(port, bindAddress, shutdownTimeout);
  }

  @Override
  public String toString() {
    return "ServerConfig{port="
        + port
        + ", bindAddress="
        + bindAddress
        + ", shutdownTimeout="
        + shutdownTimeout
        + '}';
  }

  /** Builds a {@link ServerConfig}; every setter validates and names the offending value. */
  public static final class Builder {
    private int port = DEFAULT_PORT;
    private String bindAddress = DEFAULT_BIND_ADDRESS;
    private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;

    private Builder() {}

    private Builder(ServerConfig config) {
      this.port = config.port;
      this.bindAddress = config.bindAddress;
      this.shutdownTimeout = config.shutdownTimeout;
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
