package dev.towerline.server.adb;

import static dev.towerline.server.config.environment.ConfigChecks.checkRange;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * How Towerline talks to ADB: which server, how long each call may take, how often it is retried
 * and when a circuit breaker opens. Immutable; build one with {@link #ofDefaults()}, {@link
 * #custom()} or {@link #fromEnvironment(Map)}, the only place that reads these variables:
 *
 * <ul>
 *   <li>{@code ADB_SERVER}: {@code host:port} of the ADB server (IPv6 as {@code [::1]:5037}).
 *       Default {@value #DEFAULT_ADB_SERVER}.
 *   <li>{@code ADB_RETRY_ATTEMPTS}: tries per ADB call, the first included, 1..{@value
 *       #MAX_RETRY_ATTEMPTS}. Default {@value #DEFAULT_RETRY_ATTEMPTS}.
 *   <li>{@code ADB_BREAKER_FAILURES}: consecutive failures that open a breaker, 1..{@value
 *       #MAX_BREAKER_FAILURES}. Default {@value #DEFAULT_BREAKER_FAILURES}.
 *   <li>{@code ADB_BREAKER_COOLDOWN_SECONDS}: how long an open breaker refuses calls before it lets
 *       one trial through, 1..3600. Default {@value #DEFAULT_BREAKER_COOLDOWN_SECONDS}.
 *   <li>{@code ADB_CALL_TIMEOUT_MS}: time limit of one ADB call other than a shell command (which
 *       has its own), 1..600000. Default {@value #DEFAULT_CALL_TIMEOUT_MILLIS}.
 *   <li>{@code ADB_CONNECT_TIMEOUT_MS}: time limit for opening a connection to the ADB server,
 *       1..600000. Default {@value #DEFAULT_CONNECT_TIMEOUT_MILLIS}.
 *   <li>{@code ADB_POLL_INTERVAL_SECONDS}: how often device lists are polled when tracking fails,
 *       and battery levels refreshed, 1..3600. Default {@value #DEFAULT_POLL_INTERVAL_SECONDS}.
 *   <li>{@code ADB_SIMULATOR}: unset, {@code off} or {@code false}: use {@code ADB_SERVER};
 *       {@code demo}, {@code on} or {@code true}: start an in-process ADB simulator with a demo rack
 *       of {@value #DEFAULT_SIMULATOR_DEVICES} devices and use it instead; a number N, 0..{@value
 *       #MAX_SIMULATOR_DEVICES}: the same with N devices.
 *   <li>{@code DEVICE_LABELS}: operator labels per serial, {@code
 *       emulator-5554=rack-a,nightly;R58M123ABC=rack-b}. Default none.
 * </ul>
 *
 * <p>Back-off settings have no variable: retries wait {@value #DEFAULT_RETRY_INITIAL_BACKOFF_MILLIS}
 * ms, then twice as long each time up to {@value #DEFAULT_RETRY_MAX_BACKOFF_MILLIS} ms; tracking
 * reconnects wait {@value #DEFAULT_RECONNECT_INITIAL_BACKOFF_MILLIS} ms doubling up to {@value
 * #DEFAULT_RECONNECT_MAX_BACKOFF_MILLIS} ms; every wait is randomised by ±{@value
 * #BACKOFF_JITTER_PERCENT}%.
 */
public final class AdbConfig {

  public static final String ADB_SERVER_VARIABLE = "ADB_SERVER";
  public static final String RETRY_ATTEMPTS_VARIABLE = "ADB_RETRY_ATTEMPTS";
  public static final String BREAKER_FAILURES_VARIABLE = "ADB_BREAKER_FAILURES";
  public static final String BREAKER_COOLDOWN_VARIABLE = "ADB_BREAKER_COOLDOWN_SECONDS";
  public static final String CALL_TIMEOUT_VARIABLE = "ADB_CALL_TIMEOUT_MS";
  public static final String CONNECT_TIMEOUT_VARIABLE = "ADB_CONNECT_TIMEOUT_MS";
  public static final String POLL_INTERVAL_VARIABLE = "ADB_POLL_INTERVAL_SECONDS";
  public static final String SIMULATOR_VARIABLE = "ADB_SIMULATOR";
  public static final String DEVICE_LABELS_VARIABLE = "DEVICE_LABELS";

  /** The ADB server's own default: {@code adb start-server} listens there. */
  public static final String DEFAULT_ADB_SERVER = "127.0.0.1:5037";
  public static final int DEFAULT_RETRY_ATTEMPTS = 3;
  public static final int MAX_RETRY_ATTEMPTS = 10;
  /** Seed acceptance criterion AC-104: three failed commands open a device's breaker. */
  public static final int DEFAULT_BREAKER_FAILURES = 3;
  public static final int MAX_BREAKER_FAILURES = 100;
  public static final long DEFAULT_BREAKER_COOLDOWN_SECONDS = 30;
  public static final long DEFAULT_CALL_TIMEOUT_MILLIS = 5_000;
  /** A loopback or LAN ADB server accepts in microseconds; a second means it is not there. */
  public static final long DEFAULT_CONNECT_TIMEOUT_MILLIS = 1_000;
  public static final long DEFAULT_POLL_INTERVAL_SECONDS = 5;
  public static final int DEFAULT_SIMULATOR_DEVICES = 12;
  public static final int MAX_SIMULATOR_DEVICES = 500;
  public static final long DEFAULT_RETRY_INITIAL_BACKOFF_MILLIS = 200;
  public static final long DEFAULT_RETRY_MAX_BACKOFF_MILLIS = 2_000;
  public static final long DEFAULT_RECONNECT_INITIAL_BACKOFF_MILLIS = 250;
  /** An ADB server restart takes a few seconds; devices should be back within one more wait. */
  public static final long DEFAULT_RECONNECT_MAX_BACKOFF_MILLIS = 5_000;
  /** Each back-off wait is randomised by this much either way, so callers do not retry in step. */
  public static final int BACKOFF_JITTER_PERCENT = 50;

  static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);
  static final Duration MAX_INTERVAL = Duration.ofHours(1);
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._%-]+|\\[[0-9A-Fa-f:.%a-zA-Z]+]");

  private final String host;
  private final int port;
  private final int retryAttempts;
  private final int breakerFailures;
  private final Duration breakerCooldown;
  private final Duration callTimeout;
  private final Duration connectTimeout;
  private final Duration pollInterval;
  private final Duration retryInitialBackoff;
  private final Duration retryMaxBackoff;
  private final Duration reconnectInitialBackoff;
  private final Duration reconnectMaxBackoff;
  private final Integer simulatorDevices;
  private final Map<String, List<String>> deviceLabels;

  private AdbConfig(Builder builder) {
    this.host = builder.host;
    this.port = builder.port;
    this.retryAttempts = builder.retryAttempts;
    this.breakerFailures = builder.breakerFailures;
    this.breakerCooldown = builder.breakerCooldown;
    this.callTimeout = builder.callTimeout;
    this.connectTimeout = builder.connectTimeout;
    this.pollInterval = builder.pollInterval;
    this.retryInitialBackoff = builder.retryInitialBackoff;
    this.retryMaxBackoff = builder.retryMaxBackoff;
    this.reconnectInitialBackoff = builder.reconnectInitialBackoff;
    this.reconnectMaxBackoff = builder.reconnectMaxBackoff;
    this.simulatorDevices = builder.simulatorDevices;
    this.deviceLabels = DeviceLabels.copyOf(builder.deviceLabels);
  }

  /** Every default: the local ADB server, 3 tries, breakers open after 3 failures for 30 s. */
  public static AdbConfig ofDefaults() {
    return custom().build();
  }

  public static Builder custom() {
    return new Builder();
  }

  /**
   * Reads the variables listed in the class comment from {@code environment} (usually {@code
   * System.getenv()}); a variable that is absent or blank keeps its default.
   *
   * @throws IllegalArgumentException naming the variable and its value when a value is invalid
   */
  public static AdbConfig fromEnvironment(Map<String, String> environment) {
    return new AdbEnvironment(environment).read();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The ADB server as {@code host:port}, as configured (the simulator's when one runs). */
  public String adbServer() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  /** The ADB server's host name or IP literal, without brackets. */
  public String adbHost() {
    return host;
  }

  public int adbPort() {
    return port;
  }

  /** Tries per call, the first included; 1 means no retries. */
  public int retryAttempts() {
    return retryAttempts;
  }

  /** Consecutive failures that open a breaker. */
  public int breakerFailures() {
    return breakerFailures;
  }

  public Duration breakerCooldown() {
    return breakerCooldown;
  }

  /** Time limit of one ADB call, except shell commands which carry their own. */
  public Duration callTimeout() {
    return callTimeout;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration pollInterval() {
    return pollInterval;
  }

  public Duration retryInitialBackoff() {
    return retryInitialBackoff;
  }

  public Duration retryMaxBackoff() {
    return retryMaxBackoff;
  }

  public Duration reconnectInitialBackoff() {
    return reconnectInitialBackoff;
  }

  public Duration reconnectMaxBackoff() {
    return reconnectMaxBackoff;
  }

  /** How many demo devices an in-process simulator should have; empty when none should run. */
  public OptionalInt simulatorDevices() {
    return simulatorDevices == null ? OptionalInt.empty() : OptionalInt.of(simulatorDevices);
  }

  /** Operator labels by serial; serials without labels are absent. */
  public Map<String, List<String>> deviceLabels() {
    return deviceLabels;
  }

  /** The labels of one device, empty when it has none. */
  public List<String> labelsOf(String serial) {
    return deviceLabels.getOrDefault(serial, List.of());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AdbConfig that
        && host.equals(that.host)
        && port == that.port
        && retryAttempts == that.retryAttempts
        && breakerFailures == that.breakerFailures
        && breakerCooldown.equals(that.breakerCooldown)
        && callTimeout.equals(that.callTimeout)
        && connectTimeout.equals(that.connectTimeout)
        && pollInterval.equals(that.pollInterval)
        && retryInitialBackoff.equals(that.retryInitialBackoff)
        && retryMaxBackoff.equals(that.retryMaxBackoff)
        && reconnectInitialBackoff.equals(that.reconnectInitialBackoff)
        && reconnectMaxBackoff.equals(that.reconnectMaxBackoff)
        && Objects.equals(simulatorDevices, that.simulatorDevices)
        && deviceLabels.equals(that.deviceLabels);
  }

  @Override
  public int hashCode() {
    return Objects.hash(host, port, retryAttempts, breakerFailures, breakerCooldown, callTimeout,
        connectTimeout, pollInterval, simulatorDevices, deviceLabels);
  }

  @Override
  public String toString() {
    return "AdbConfig{adbServer=" + adbServer()
        + ", retryAttempts=" + retryAttempts
        + ", breakerFailures=" + breakerFailures
        + ", breakerCooldown=" + breakerCooldown
        + ", callTimeout=" + callTimeout
        + ", connectTimeout=" + connectTimeout
        + ", pollInterval=" + pollInterval
        + ", retryBackoff=" + retryInitialBackoff + ".." + retryMaxBackoff
        + ", reconnectBackoff=" + reconnectInitialBackoff + ".." + reconnectMaxBackoff
        + ", simulatorDevices=" + (simulatorDevices == null ? "off" : simulatorDevices)
        + ", deviceLabels=" + deviceLabels
        + '}';
  }

  /** Builds an {@link AdbConfig}; every setter validates and names the offending value. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = 5037;
    private int retryAttempts = DEFAULT_RETRY_ATTEMPTS;
    private int breakerFailures = DEFAULT_BREAKER_FAILURES;
    private Duration breakerCooldown = Duration.ofSeconds(DEFAULT_BREAKER_COOLDOWN_SECONDS);
    private Duration callTimeout = Duration.ofMillis(DEFAULT_CALL_TIMEOUT_MILLIS);
    private Duration connectTimeout = Duration.ofMillis(DEFAULT_CONNECT_TIMEOUT_MILLIS);
    private Duration pollInterval = Duration.ofSeconds(DEFAULT_POLL_INTERVAL_SECONDS);
    private Duration retryInitialBackoff = Duration.ofMillis(DEFAULT_RETRY_INITIAL_BACKOFF_MILLIS);
    private Duration retryMaxBackoff = Duration.ofMillis(DEFAULT_RETRY_MAX_BACKOFF_MILLIS);
    private Duration reconnectInitialBackoff =
        Duration.ofMillis(DEFAULT_RECONNECT_INITIAL_BACKOFF_MILLIS);
    private Duration reconnectMaxBackoff = Duration.ofMillis(DEFAULT_RECONNECT_MAX_BACKOFF_MILLIS);
    private Integer simulatorDevices;
    private Map<String, List<String>> deviceLabels = Map.of();

    private Builder() {}

    private Builder(AdbConfig config) {
      this.host = config.host;
      this.port = config.port;
      this.retryAttempts = config.retryAttempts;
      this.breakerFailures = config.breakerFailures;
      this.breakerCooldown = config.breakerCooldown;
      this.callTimeout = config.callTimeout;
      this.connectTimeout = config.connectTimeout;
      this.pollInterval = config.pollInterval;
      this.retryInitialBackoff = config.retryInitialBackoff;
      this.retryMaxBackoff = config.retryMaxBackoff;
      this.reconnectInitialBackoff = config.reconnectInitialBackoff;
      this.reconnectMaxBackoff = config.reconnectMaxBackoff;
      this.simulatorDevices = config.simulatorDevices;
      this.deviceLabels = config.deviceLabels;
    }

    /** {@code host:port}, e.g. {@code 127.0.0.1:5037}, {@code rack-7:5037} or {@code [::1]:5037}. */
    public Builder adbServer(String hostAndPort) {
      Objects.requireNonNull(hostAndPort, ADB_SERVER_VARIABLE);
      String value = hostAndPort.trim();
      int colon = value.lastIndexOf(':');
      String hostPart = colon < 0 ? "" : value.substring(0, colon);
      if (!HOST.matcher(hostPart).matches()) {
        throw new IllegalArgumentException(
            ADB_SERVER_VARIABLE + " must be host:port, e.g. 127.0.0.1:5037: " + hostAndPort);
      }
      int portPart;
      try {
        portPart = Integer.parseInt(value.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            ADB_SERVER_VARIABLE + " must end in a port 1..65535: " + hostAndPort, e);
      }
      return adbServer(hostPart.startsWith("[") ? hostPart.substring(1, hostPart.length() - 1)
          : hostPart, portPart);
    }

    /** The ADB server's host (name or IP literal, IPv6 without brackets) and port 1..65535. */
    public Builder adbServer(String host, int port) {
      Objects.requireNonNull(host, "host");
      if (host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException(ADB_SERVER_VARIABLE + " host must be a name or an IP"
            + " address: '" + host + "'");
      }
      checkRange(ADB_SERVER_VARIABLE + " port", port, 1, 65_535);
      this.host = host;
      this.port = port;
      return this;
    }

    /** Tries per call, the first included: 1..10; 1 turns retries off. */
    public Builder retryAttempts(int attempts) {
      checkRange(RETRY_ATTEMPTS_VARIABLE, attempts, 1, MAX_RETRY_ATTEMPTS);
      this.retryAttempts = attempts;
      return this;
    }

    /** Consecutive failures that open a breaker: 1..100. */
    public Builder breakerFailures(int failures) {
      checkRange(BREAKER_FAILURES_VARIABLE, failures, 1, MAX_BREAKER_FAILURES);
      this.breakerFailures = failures;
      return this;
    }

    /** How long an open breaker refuses calls: positive, at most an hour. */
    public Builder breakerCooldown(Duration cooldown) {
      this.breakerCooldown = check(BREAKER_COOLDOWN_VARIABLE, cooldown, MAX_INTERVAL);
      return this;
    }

    /** Time limit of one ADB call other than a shell command: positive, at most 10 minutes. */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = check(CALL_TIMEOUT_VARIABLE, timeout, MAX_TIMEOUT);
      return this;
    }

    /** Time limit for opening a connection: positive, at most 10 minutes. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = check(CONNECT_TIMEOUT_VARIABLE, timeout, MAX_TIMEOUT);
      return this;
    }

    /** Polling and battery refresh interval: positive, at most an hour. */
    public Builder pollInterval(Duration interval) {
      this.pollInterval = check(POLL_INTERVAL_VARIABLE, interval, MAX_INTERVAL);
      return this;
    }

    /** First retry wait and the cap the doubling waits stop at; both positive, initial ≤ max. */
    public Builder retryBackoff(Duration initial, Duration max) {
      checkBackoff("retryBackoff", initial, max);
      this.retryInitialBackoff = initial;
      this.retryMaxBackoff = max;
      return this;
    }

    /** First tracking reconnect wait and its cap; both positive, initial ≤ max. */
    public Builder reconnectBackoff(Duration initial, Duration max) {
      checkBackoff("reconnectBackoff", initial, max);
      this.reconnectInitialBackoff = initial;
      this.reconnectMaxBackoff = max;
      return this;
    }

    /** Start an in-process simulator with this many demo devices, 0..500. */
    public Builder simulator(int devices) {
      checkRange(SIMULATOR_VARIABLE + " device count", devices, 0, MAX_SIMULATOR_DEVICES);
      this.simulatorDevices = devices;
      return this;
    }

    /** Use the configured ADB server; the default. */
    public Builder noSimulator() {
      this.simulatorDevices = null;
      return this;
    }

    /** Operator labels by serial. */
    public Builder deviceLabels(Map<String, List<String>> labels) {
      Objects.requireNonNull(labels, DEVICE_LABELS_VARIABLE);
      DeviceLabels.check(labels);
      this.deviceLabels = labels;
      return this;
    }

    public AdbConfig build() {
      return new AdbConfig(this);
    }

    private static Duration check(String name, Duration value, Duration max) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero() || value.compareTo(max) > 0) {
        throw new IllegalArgumentException(name + " must be positive and at most " + max + ": "
            + value);
      }
      return value;
    }

    private static void checkBackoff(String name, Duration initial, Duration max) {
      check(name + " initial", initial, MAX_INTERVAL);
      check(name + " max", max, MAX_INTERVAL);
      if (initial.compareTo(max) > 0) {
        throw new IllegalArgumentException(
            name + " initial must not exceed max: " + initial + " > " + max);
      }
    }
  }
}
