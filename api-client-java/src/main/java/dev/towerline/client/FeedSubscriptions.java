package dev.towerline.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.client.internal.Envelope;
import dev.towerline.client.internal.FeedErrors;
import dev.towerline.client.internal.FeedLoop;
import dev.towerline.client.internal.RetryAfter;
import dev.towerline.protocol.Feed;
import dev.towerline.protocol.FeedEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The feed subscriptions of one client: opens them on its settings and closes them with it. */
final class FeedSubscriptions implements FeedErrors {

  // Numbers the threads of all clients, so thread dumps tell subscriptions apart.
  private static final AtomicInteger SUBSCRIPTION_IDS = new AtomicInteger();

  private final TowerlineClient client;
  private final ObjectMapper json;
  private final Set<FeedSubscription> open = ConcurrentHashMap.newKeySet();

  FeedSubscriptions(TowerlineClient client, ObjectMapper json) {
    this.client = client;
    this.json = json;
  }

  <E extends FeedEvent> FeedSubscription start(
      Feed feed, Map<String, Object> filter, boolean gapless, Class<E> eventType, FeedListener<E> listener) {
    Objects.requireNonNull(listener, "listener == null");
    client.http(); // Refuses at once when the client is closed.
    FeedLoop.Setup<E> setup =
        new FeedLoop.Setup<>(
            "towerline-sdk-feed-" + feed.value() + "-" + SUBSCRIPTION_IDS.incrementAndGet(),
            eventType,
            listener,
            since -> target(feed, filter, since),
            headers(),
            client::http,
            client.connectTimeout(),
            client.connectTimeout().plus(client.readTimeout()),
            client.feedPolicy(),
            client.clock(),
            client.sleeper(),
            gapless,
            this,
            open::remove);
    FeedLoop<E> loop = FeedLoop.create(setup);
    open.add(loop);
    loop.start();
    return loop;
  }

  void closeAll() {
    for (FeedSubscription subscription : List.copyOf(open)) {
      subscription.close();
    }
  }

  private URI target(Feed feed, Map<String, Object> filter, Long since) {
    URI base = client.baseUrl();
    String scheme = "https".equalsIgnoreCase(base.getScheme()) ? "wss" : "ws";
    Map<String, Object> query = new LinkedHashMap<>(filter);
    query.put("since", since);
    StringJoiner joined = new StringJoiner("&", "?", "").setEmptyValue("");
    query.forEach((name, value) -> {
      if (value != null) {
        joined.add(Transport.encode(name) + "=" + Transport.encode(String.valueOf(value)));
      }
    });
    URI http = base.resolve("api/v1/ws/" + feed.value() + joined);
    return URI.create(scheme + http.toString().substring(base.getScheme().length()));
  }

  private Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("User-Agent", client.userAgent());
    client.bearerToken().ifPresent(token -> headers.put("Authorization", "Bearer " + token));
    return headers;
  }

  @Override
  public TowerlineException refused(int status, Map<String, List<String>> headers, String body) {
    String requestId = first(headers, "X-Request-Id");
    Duration retryAfter = RetryAfter.parse(first(headers, "Retry-After"), client.clock().instant());
    ServerError error =
        Envelope.read(json, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8))
            .map(e -> new ServerError(status, e.code(), e.message(), e.details(),
                e.requestId() != null ? e.requestId() : requestId, retryAfter))
            .orElseGet(() -> new ServerError(status, null, "WebSocket handshake refused with HTTP " + status,
                Map.of(), requestId, retryAfter));
    return ErrorMapping.toException(error);
  }

  @Override
  public TowerlineException lost(String message, Throwable cause) {
    return new TowerlineTransportException(message, cause);
  }

  private static String first(Map<String, List<String>> headers, String name) {
    return headers.entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty())
        .map(entry -> entry.getValue().get(0))
        .findFirst()
        .orElse(null);
  }
}
