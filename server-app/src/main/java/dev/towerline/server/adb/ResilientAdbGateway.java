package dev.towerline.server.adb;

import static net.logstash.logback.argument.StructuredArguments.kv;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Any {@link AdbGateway} made safe to call from request threads: a time limit, retries with
 * exponential back-off and jitter, and circuit breakers — one for the ADB server and one per
 * device. Every call is composed in this one order, outermost first:
 *
 * <pre>
 *   Metrics( Retry( ServerBreaker( DeviceBreaker( TimeLimit( call ) ) ) ) )
 * </pre>
 *
 * <ul>
 *   <li><b>Retry</b> ({@link AdbConfig#retryAttempts()} tries, waits from {@link
 *       AdbConfig#retryInitialBackoff()} doubling up to {@link AdbConfig#retryMaxBackoff()}, ±50%
 *       jitter) retries only what {@link AdbRetryRule} allows: never a timeout, a refusal by an
 *       open breaker, a permanent refusal (device offline, unauthorized or not found) or a
 *       command that already started. A shell command whose start ADB refused never ran, so it is
 *       retried like any other call; every attempt counts toward the device's breaker, so one
 *       call can open it. The failure thrown at the end carries {@link AdbException#attempts()}
 *       and is ADB's last answer, even when the breaker those failures opened refused the next try.
 *   <li><b>ServerBreaker</b> counts failures to reach the ADB server; the server's own queries
 *       ({@code version}, {@code devices}) have no device breaker.
 *   <li><b>DeviceBreaker</b> counts failures of commands on that device ({@link AdbBreakerRules}).
 *       Each breaker opens after {@link AdbConfig#breakerFailures()} failures in a row, refuses at
 *       once with {@link AdbCircuitOpenException} for {@link AdbConfig#breakerCooldown()}, then goes
 *       half-open by itself and lets one trial call decide.
 *   <li><b>TimeLimit</b> ({@link AdbConfig#callTimeout()}) runs the call on a bounded pool so the
 *       caller gets its thread back at the limit even if ADB hangs. Shell commands skip it: the
 *       client bounds their start by the call time-out and their run by {@link
 *       ShellOptions#timeout()}, on the caller's thread, so output streams to the caller's sink.
 * </ul>
 *
 * <p>{@link #track} is neither retried nor breaker-guarded (the device tracker reconnects with its
 * own back-off); a successful (re)connection closes the server breaker, since a live tracking
 * stream proves the server is back. Breaker transitions are logged as one structured line each and
 * counted; resilience4j's breaker and retry meters are bound to the registry too.
 */
public final class ResilientAdbGateway implements AdbGateway, AdbLinkMonitor, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ResilientAdbGateway.class);

  /** Name of the ADB server's breaker (the {@code name} tag of resilience4j's meters). */
  public static final String SERVER_BREAKER = "adb-server";
  /** Device breakers are named this plus the serial. */
  public static final String DEVICE_BREAKER_PREFIX = "device:";
  /** At most this many time-limited calls wait on ADB at once; more are refused. */
  static final int MAX_CALLS_IN_FLIGHT = 64;
  private static final double BACKOFF_MULTIPLIER = 2.0;
  private static final double JITTER = AdbConfig.BACKOFF_JITTER_PERCENT / 100.0;
  private static final AtomicInteger CALL_THREADS = new AtomicInteger();

  private final AdbGateway delegate;
  private final AdbConfig config;
  private final Clock clock;
  private final AdbCallMetrics metrics;
  private final CircuitBreakerRegistry breakers;
  private final CircuitBreakerConfig deviceBreakerConfig;
  private final BreakerLink serverLink;
  private final Map<String, BreakerLink> deviceLinks = new ConcurrentHashMap<>();
  private final Retry retry;
  private final TimeLimiter timeLimiter;
  private final ThreadPoolExecutor callPool;
  private final List<LinkListener> listeners = new CopyOnWriteArrayList<>();

  /**
   * @param delegate the gateway that talks to ADB, usually a {@link SocketAdbClient}
   * @param meters where call, failure and breaker meters go
   * @param clock drives breaker cool-downs and failure timestamps
   */
  public ResilientAdbGateway(
      AdbGateway delegate, AdbConfig config, MeterRegistry meters, Clock clock) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.metrics = new AdbCallMetrics(meters);
    this.deviceBreakerConfig = breakerConfig(AdbBreakerRules::deviceFailure,
        AdbBreakerRules::deviceIgnores);
    this.breakers = CircuitBreakerRegistry.of(deviceBreakerConfig);
    TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
    CircuitBreaker server = breakers.circuitBreaker(SERVER_BREAKER,
        breakerConfig(AdbBreakerRules::serverFailure, AdbBreakerRules::serverIgnores));
    this.serverLink = new BreakerLink(null, "ADB server " + config.adbServer(), server, clock,
        config.breakerCooldown(), this::linkChanged, this::logTransition);

    RetryRegistry retries = RetryRegistry.of(RetryConfig.custom()
        .maxAttempts(config.retryAttempts())
        .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(
            config.retryInitialBackoff(), BACKOFF_MULTIPLIER, JITTER, config.retryMaxBackoff()))
        .retryOnException(AdbRetryRule::isRetryable)
        .build());
    TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
    this.retry = retries.retry("adb");

    this.timeLimiter = TimeLimiter.of("adb", TimeLimiterConfig.custom()
        .timeoutDuration(config.callTimeout())
        .cancelRunningFuture(true)
        .build());
    this.callPool = new ThreadPoolExecutor(0, MAX_CALLS_IN_FLIGHT, 30, TimeUnit.SECONDS,
        new SynchronousQueue<>(), task -> {
          Thread thread = new Thread(task, "towerline-adb-call-" + CALL_THREADS.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  @Override
  public int serverVersion() {
    return call("version", null, delegate::serverVersion, true, result -> "success");
  }

  @Override
  public List<AdbDevice> devices() {
    return call("devices", null, delegate::devices, true, result -> "success");
  }

  @Override
  public Map<String, String> properties(String serial) {
    Objects.requireNonNull(serial, "serial");
    return call("properties", serial, () -> delegate.properties(serial), true,
        result -> "success");
  }

  @Override
  public OptionalInt batteryLevel(String serial) {
    Objects.requireNonNull(serial, "serial");
    return call("battery", serial, () -> delegate.batteryLevel(serial), true,
        result -> "success");
  }

  @Override
  public ShellResult shell(String serial, String command, ShellOptions options, OutputSink sink) {
    Objects.requireNonNull(serial, "serial");
    return call("shell", serial, () -> delegate.shell(serial, command, options, sink), false,
        AdbCallMetrics::outcomeOf);
  }

  @Override
  public DeviceTracking track(TrackListener listener) {
    Timer.Sample sample = metrics.start();
    try {
      DeviceTracking tracking = delegate.track(listener);
      metrics.stop(sample, "track", "success");
      closeServerBreakerAfterReconnect();
      return tracking;
    } catch (AdbException e) {
      metrics.failed("track", e);
      metrics.stop(sample, "track", AdbCallMetrics.outcomeOf(e));
      throw e;
    }
  }

  @Override
  public LinkHealth device(String serial) {
    BreakerLink link = deviceLinks.get(serial);
    return link == null ? LinkHealth.healthy() : link.health();
  }

  @Override
  public LinkHealth server() {
    return serverLink.health();
  }

  @Override
  public void checkServerAvailable(String operation) {
    if (serverLink.health().state() == LinkHealth.State.OPEN) {
      throw serverLink.refusal(operation);
    }
  }

  @Override
  public void addListener(LinkListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** The ADB server this gateway's configuration names. */
  public String adbServer() {
    return config.adbServer();
  }

  /** Stops the pool that runs time-limited calls; calls in flight end at their time limit. */
  @Override
  public void close() {
    callPool.shutdownNow();
  }

  // ---------------------------------------------------------------- composition

  private <T> T call(String operation, String serial, Supplier<T> action, boolean timeLimited,
      Function<T, String> outcome) {
    Timer.Sample sample = metrics.start();
    Supplier<T> limited = timeLimited ? () -> limit(operation, serial, action) : action;
    AttemptLog attempts = new AttemptLog();
    Supplier<T> attempt = () -> attempts.attempt(() -> attempt(operation, serial, limited));
    try {
      T result = Retry.decorateSupplier(retry, attempt).get();
      metrics.stop(sample, operation, outcome.apply(result));
      return result;
    } catch (RuntimeException e) {
      RuntimeException failure = attempts.outcome(e);
      metrics.stop(sample, operation, AdbCallMetrics.outcomeOf(failure));
      throw failure;
    }
  }

  private <T> T attempt(String operation, String serial, Supplier<T> call) {
    try {
      return serverLink.execute(operation, serial == null ? call
          : () -> deviceLink(serial).execute(operation, call));
    } catch (RuntimeException e) {
      metrics.failed(operation, e);
      throw e;
    }
  }

  private <T> T limit(String operation, String serial, Supplier<T> action) {
    try {
      return timeLimiter.executeFutureSupplier(() -> callPool.submit(action::get));
    } catch (TimeoutException e) {
      String what = serial == null ? operation : operation + " for device '" + serial + "'";
      throw new AdbTimeoutException("ADB did not complete " + what + " within "
          + config.callTimeout().toMillis() + " ms", operation, serial, config.callTimeout());
    } catch (RejectedExecutionException e) {
      throw new AdbServerUnavailableException(config.adbServer(), "ADB server "
          + config.adbServer() + " is not keeping up: " + MAX_CALLS_IN_FLIGHT
          + " calls are already waiting for it", operation, serial, e);
    } catch (ExecutionException e) {
      throw unwrap(operation, serial, e.getCause() == null ? e : e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AdbCommandFailedException("interrupted while waiting for ADB to complete "
          + operation, operation, serial, false, false, e);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw unwrap(operation, serial, e);
    }
  }

  private static RuntimeException unwrap(String operation, String serial, Throwable failure) {
    if (failure instanceof RuntimeException runtime) {
      return runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    return new AdbCommandFailedException("ADB call " + operation + " failed", operation, serial,
        false, false, failure);
  }

  private BreakerLink deviceLink(String serial) {
    return deviceLinks.computeIfAbsent(serial, s -> new BreakerLink(s, "device '" + s + "'",
        breakers.circuitBreaker(DEVICE_BREAKER_PREFIX + s, deviceBreakerConfig), clock,
        config.breakerCooldown(), this::linkChanged, this::logTransition));
  }

  private CircuitBreakerConfig breakerConfig(
      java.util.function.Predicate<Throwable> records,
      java.util.function.Predicate<Throwable> ignores) {
    // A count window as long as the threshold, opening at 100% failures: N failures in a row.
    return CircuitBreakerConfig.custom()
        .slidingWindow(config.breakerFailures(), config.breakerFailures(),
            CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .failureRateThreshold(100)
        .waitDurationInOpenState(config.breakerCooldown())
        .automaticTransitionFromOpenToHalfOpenEnabled(true)
        .permittedNumberOfCallsInHalfOpenState(1)
        .recordException(records)
        .ignoreException(ignores)
        .writableStackTraceEnabled(false)
        .clock(clock)
        .build();
  }

  private void closeServerBreakerAfterReconnect() {
    CircuitBreaker server = serverLink.breaker();
    if (server.getState() == CircuitBreaker.State.OPEN
        || server.getState() == CircuitBreaker.State.HALF_OPEN) {
      server.transitionToClosedState();
    }
  }

  // ---------------------------------------------------------------- events

  private void linkChanged(BreakerLink link) {
    LinkHealth health = link.health();
    for (LinkListener listener : listeners) {
      try {
        if (link.serial() == null) {
          listener.serverLinkChanged(health);
        } else {
          listener.deviceLinkChanged(link.serial(), health);
        }
      } catch (RuntimeException e) {
        log.warn("ADB link listener failed", e);
      }
    }
  }

  private void logTransition(CircuitBreakerOnStateTransitionEvent event) {
    String name = event.getCircuitBreakerName();
    boolean device = name.startsWith(DEVICE_BREAKER_PREFIX);
    String serial = device ? name.substring(DEVICE_BREAKER_PREFIX.length()) : null;
    String from = stateName(event.getStateTransition().getFromState());
    String to = stateName(event.getStateTransition().getToState());
    metrics.transition(device ? "device" : "server", from, to);
    String subject = device ? "device '" + serial + "'" : "ADB server " + config.adbServer();
    if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
      log.warn("ADB circuit breaker for {} opened; calls refused for {} s", subject,
          config.breakerCooldown().toSeconds(), kv("serial", serial), kv("from_state", from),
          kv("to_state", to), kv("adb_server", config.adbServer()));
    } else {
      log.info("ADB circuit breaker for {} is now {}", subject, to, kv("serial", serial),
          kv("from_state", from), kv("to_state", to), kv("adb_server", config.adbServer()));
    }
  }

  private static String stateName(CircuitBreaker.State state) {
    return BreakerLink.stateOf(state).name().toLowerCase(Locale.ROOT);
  }
}
