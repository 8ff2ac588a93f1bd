package dev.towerline.server.http;

import dev.towerline.server.auth.Actor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line and one latency sample per request, keyed by the route template (never the
 * concrete path, whose serials and ids would explode the metric's cardinality). The line names the
 * client's address and the actor (the token's name, {@code anonymous} without one); it never holds
 * the query string or headers, where credentials travel.
 */
@PreMatching
@Priority(AccessLogFilter.PRIORITY)
public final class AccessLogFilter implements ContainerRequestFilter, ContainerResponseFilter {
  /** After the request id is set; its response side runs before the id leaves the MDC. */
  static final int PRIORITY = RequestIdFilter.PRIORITY + 100;
  static final String METRIC = "towerline.http.server.requests";
  static final String UNMATCHED_ROUTE = "unmatched";

  private static final Logger ACCESS = LoggerFactory.getLogger("towerline.access");
  private static final String STARTED = AccessLogFilter.class.getName() + ".started";
  private static final Duration[] BUCKETS = {
    Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
    Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
    Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)
  };

  static final String UNKNOWN_CLIENT = "unknown";

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
  private final jakarta.inject.Provider<Request> connection;

  @Inject
  public AccessLogFilter(MeterRegistry registry, jakarta.inject.Provider<Request> connection) {
    this.registry = registry;
    this.connection = connection;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(STARTED, System.nanoTime());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object started = request.getProperty(STARTED);
    long nanos = started instanceof Long s ? System.nanoTime() - s : 0;
    String method = request.getMethod();
    String route = RouteTemplates.of(request.getUriInfo()).orElse(UNMATCHED_ROUTE);
    int status = response.getStatus();
    timers
        .computeIfAbsent(new TimerKey(method, route, status), this::register)
        .record(nanos, TimeUnit.NANOSECONDS);
    ACCESS.info(
        "{}",
        new AccessLogLine(
            method, route, status, nanos, request.getUriInfo().getPath(), clientAddress(request), Actor.of(request).name()));
  }

  /** Registering looks the meter up by its sorted tags each time: done once per key instead. */
  private Timer register(TimerKey key) {
    return Timer.builder(METRIC)
        .description("HTTP requests by route template and status")
        .tags("method", key.method(), "route", key.route(), "status", String.valueOf(key.status()))
        .serviceLevelObjectives(BUCKETS)
        .register(registry);
  }

  private String clientAddress(ContainerRequestContext request) {
    String address = ClientAddresses.of(request, connection);
    return address == null ? UNKNOWN_CLIENT : address;
  }
}
