package dev.towerline.client;

import dev.towerline.protocol.BreakerState;
import java.time.Duration;

/**
 * Hooks into what a client does, for logs, metrics and tracing: each method has an empty default,
 * so implement only what you need. Set with {@link TowerlineClient.Builder#listener}.
 *
 * <pre>{@code
 * TowerlineClient towerline = TowerlineClient.builder()
 *     .baseUrl("http://lab-host:8080/")
 *     .listener(new TowerlineListener() {
 *       public void responseReceived(String operation, int status, Duration duration) {
 *         metrics.timer("towerline." + operation, "status", status).record(duration);
 *       }
 *       public void retryScheduled(String operation, int attempt, Duration delay, TowerlineException cause) {
 *         log.warn("{} attempt {} failed ({}); retrying in {}", operation, attempt, cause.getMessage(), delay);
 *       }
 *     })
 *     .build();
 * }</pre>
 *
 * <p>Methods are called on the thread making the call (a breaker change: the thread whose attempt
 * changed it) and must return quickly. A listener that throws is logged and ignored: it never
 * fails or changes the call. {@code operation} is the spec's operationId, e.g. {@code
 * createExecution}.
 */
public interface TowerlineListener {

  /** An attempt is about to be sent; {@code attempt} counts from 1. */
  default void requestSent(String operation, int attempt) {}

  /** An answer arrived, of any status, {@code duration} after its attempt was sent. */
  default void responseReceived(String operation, int status, Duration duration) {}

  /**
   * Attempt {@code attempt} failed with {@code cause} (a {@link TowerlineTransportException} when
   * no answer arrived) and will be made again after {@code delay}.
   */
  default void retryScheduled(String operation, int attempt, Duration delay, TowerlineException cause) {}

  /** The SDK's circuit breaker around the server (see {@link BreakerPolicy}) changed state. */
  default void breakerStateChanged(String breaker, BreakerState from, BreakerState to) {}

  /**
   * The first answer of a deprecated operation on this client: see {@link DeprecationNotice}. The
   * SDK also logs one warning for it.
   */
  default void deprecated(DeprecationNotice notice) {}
}
