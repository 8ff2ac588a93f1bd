package dev.towerline.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.client.internal.Backoff;
import dev.towerline.client.internal.DeprecationHeaders;
import dev.towerline.client.internal.Envelope;
import dev.towerline.client.internal.RetryAfter;
import dev.towerline.client.internal.RetryRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends a {@link Call} as Retry(CircuitBreaker(attempt)). Each attempt is one HTTP exchange; its
 * failure is classified by {@link RetryRules#shouldRetry} and waited out by {@link Backoff},
 * within the policy's attempt and time budgets, on the client's clock and sleeper.
 */
final class Transport {

  private static final System.Logger LOG = System.getLogger(TowerlineClient.class.getName());

  private final TowerlineClient client;
  private final ObjectMapper json;
  private final ServerBreaker breaker;
  private final Set<String> deprecatedOperationsSeen = ConcurrentHashMap.newKeySet();

  Transport(TowerlineClient client, ObjectMapper json, ServerBreaker breaker) {
    this.client = client;
    this.json = json;
    this.breaker = breaker;
  }

  <T> T execute(Call call, Class<T> type) {
    return read(send(call, Set.of()), type);
  }

  /**
   * Sends {@code call} until it is answered 2xx or with one of {@code resultStatuses}, which are
   * results of this operation rather than failures (readiness' 503): returned at once, never
   * retried, and counted by the breaker as a server that answered.
   */
  HttpResponse<byte[]> send(Call call, Set<Integer> resultStatuses) {
    HttpRequest request = toRequest(call);
    RetryPolicy policy = client.retryPolicy();
    TowerlineListener listener = client.listener();
    boolean repeatable =
        RetryRules.isRepeatable(call.method(), call.idempotencyKey() != null, call.idempotentOperation());
    Instant start = client.clock().instant();
    for (int attempt = 1; ; attempt++) {
      TowerlineException failure;
      int status = 0;
      IOException ioFailure = null;
      // An open breaker refuses at once; its CircuitOpenException is not retried.
      breaker.acquire();
      listener.requestSent(call.operation(), attempt);
      long startNanos = System.nanoTime();
      try {
        HttpResponse<byte[]> response = client.http().send(request, HttpResponse.BodyHandlers.ofByteArray());
        status = response.statusCode();
        listener.responseReceived(call.operation(), status, Duration.ofNanos(System.nanoTime() - startNanos));
        noticeDeprecation(call, response);
        boolean result = status / 100 == 2 || resultStatuses.contains(status);
        breaker.record(startNanos, !result && (status == 502 || status == 503 || status == 504), null);
        if (result) {
          return response;
        }
        failure = ErrorMapping.toException(serverError(response));
      } catch (IOException e) {
        ioFailure = e;
        failure = new TowerlineTransportException(describe(request, attempt) + ": " + e, e);
        breaker.record(startNanos, true, e);
      } catch (InterruptedException e) {
        // Neither success nor failure: give back the permission, or a half-open breaker stays stuck.
        breaker.release();
        Thread.currentThread().interrupt();
        throw new TowerlineTransportException("Interrupted: " + describe(request, attempt), e);
      }
      if (attempt >= policy.maxAttempts() || !RetryRules.shouldRetry(repeatable, status, ioFailure)) {
        throw failure;
      }
      Duration delay =
          Backoff.delay(policy, attempt, failure.retryAfter().orElse(null),
              bound -> ThreadLocalRandom.current().nextLong(bound + 1));
      Duration spent = Duration.between(start, client.clock().instant());
      if (spent.plus(delay).compareTo(policy.maxTotalTime()) > 0) {
        throw failure;
      }
      listener.retryScheduled(call.operation(), attempt, delay, failure);
      sleep(delay, request, attempt);
    }
  }

  ObjectMapper json() {
    return json;
  }

  private void noticeDeprecation(Call call, HttpResponse<byte[]> response) {
    String deprecation = response.headers().firstValue("Deprecation").orElse(null);
    if (deprecation == null || !deprecatedOperationsSeen.add(call.operation())) {
      return;
    }
    DeprecationNotice notice =
        new DeprecationNotice(
            call.operation(),
            DeprecationHeaders.deprecatedAt(deprecation),
            DeprecationHeaders.sunset(response.headers().firstValue("Sunset").orElse(null)),
            DeprecationHeaders.link(response.headers().allValues("Link"), response.uri()));
    LOG.log(System.Logger.Level.WARNING,
        "Towerline operation {0} is deprecated (since {1}, sunset {2}); see {3}",
        notice.operation(), notice.deprecatedAt(), notice.sunset(), notice.link());
    client.listener().deprecated(notice);
  }

  private void sleep(Duration delay, HttpRequest request, int attempt) {
    try {
      client.sleeper().sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TowerlineTransportException("Interrupted while waiting to retry: " + describe(request, attempt), e);
    }
  }

  <T> T read(HttpResponse<byte[]> response, Class<T> type) {
    if (type == String.class) {
      return type.cast(new String(response.body(), StandardCharsets.UTF_8));
    }
    try {
      return json.readValue(response.body(), type);
    } catch (IOException e) {
      throw new ServerException(
          new ServerError(response.statusCode(), null,
              "Answer of " + response.request().method() + " " + response.uri() + " is not a " + type.getSimpleName()
                  + ": " + e.getMessage(),
              Map.of(), requestIdHeader(response), null));
    }
  }

  ServerError serverError(HttpResponse<byte[]> response) {
    Duration retryAfter =
        RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), client.clock().instant());
    return Envelope.read(json, response.body())
        .map(e -> new ServerError(response.statusCode(), e.code(), e.message(), e.details(),
            e.requestId() != null ? e.requestId() : requestIdHeader(response), retryAfter))
        .orElseGet(() -> new ServerError(response.statusCode(), null,
            "HTTP " + response.statusCode() + " without an error envelope from " + response.request().method()
                + " " + response.uri(),
            Map.of(), requestIdHeader(response), retryAfter));
  }

  private static String requestIdHeader(HttpResponse<?> response) {
    return response.headers().firstValue("X-Request-Id").orElse(null);
  }

  private HttpRequest toRequest(Call call) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri(call))
            .timeout(client.readTimeout())
            .header("Accept", call.accept())
            .header("User-Agent", client.userAgent());
    client.bearerToken().ifPresent(token -> builder.header("Authorization", "Bearer " + token));
    if (call.idempotencyKey() != null) {
      builder.header("Idempotency-Key", call.idempotencyKey());
    }
    if (call.body() == null) {
      return builder.method(call.method(), HttpRequest.BodyPublishers.noBody()).build();
    }
    try {
      byte[] body = json.writeValueAsBytes(call.body());
      return builder.header("Content-Type", "application/json")
          .method(call.method(), HttpRequest.BodyPublishers.ofByteArray(body))
          .build();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private URI uri(Call call) {
    StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
    call.query().forEach((name, value) -> {
      if (value != null) {
        query.add(encode(name) + "=" + encode(String.valueOf(value)));
      }
    });
    // Paths are relative to the base URL, which always ends in '/'.
    return client.baseUrl().resolve(call.path() + query);
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String describe(HttpRequest request, int attempt) {
    return request.method() + " " + request.uri() + " failed (attempt " + attempt + ")";
  }
}
