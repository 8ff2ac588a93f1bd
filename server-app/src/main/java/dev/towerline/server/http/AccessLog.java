package dev.towerline.server.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line and one latency sample per request, keyed by the route template (never the
 * concrete path, whose serials and ids would explode the metric's cardinality). The line names the
 * client's address and the actor; it never holds the query string or headers, where credentials
 * travel. One instance serves every path a request can take (Jersey's filter and the fast paths),
 * so their series and lines are the same ones.
 */
public final class AccessLog {
  static final String METRIC = "towerline.http.server.requests";
  /** The route of a request no operation matched. */
  public static final String UNMATCHED_ROUTE = "unmatched";
  /** The client of a request whose connection cannot tell its address. */
  public static final String UNKNOWN_CLIENT = "unknown";

  private static final Logger ACCESS = LoggerFactory.getLogger("towerline.access");
  private static final Duration[] BUCKETS = {
    Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
    Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
    Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)
  };

  /** Hashes and compares by hand: the record's generated methods cost a lookup per request. */
  private record TimerKey(String method, String route, int status) {
    @Override
    public int hashCode() {
      return (method.hashCode() * 31 + route.hashCode()) * 31 + status;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof TimerKey key
          && status == key.status
          && route.equals(key.route)
          && method.equals(key.method);
    }
  }

  private final MeterRegistry registry;
  private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

  public AccessLog(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * Records one answered request; the logging MDC should hold its request id.
   *
   * @param path the request path without the leading slash, as Jersey gives it
   * @param client the remote address, or {@code null} when unknown
   */
  public void record(String method, String route, int status, long nanos, String path, String client, String actor) {
    timers
        .computeIfAbsent(new TimerKey(method, route, status), this::register)
        .record(nanos, TimeUnit.NANOSECONDS);
    ACCESS.info(
        "{}", new AccessLogLine(method, route, status, nanos, path, client == null ? UNKNOWN_CLIENT : client, actor));
  }

  /** Registering looks the meter up by its sorted tags each time: done once per key instead. */
  private Timer register(TimerKey key) {
    return Timer.builder(METRIC)
        .description("HTTP requests by route template and status")
        .tags("method", key.method(), "route", key.route(), "status", String.valueOf(key.status()))
        .serviceLevelObjectives(BUCKETS)
        .register(registry);
  }
}
