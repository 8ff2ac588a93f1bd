package dev.towerline.server.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A feed client that is not our stack: the JDK's {@link java.net.http.WebSocket}. Records every
 * text frame it receives, in order, and whether the connection ended (closed or broken).
 */
public final class JdkFeedClient implements WebSocket.Listener {
  private static final Duration WAIT = Duration.ofSeconds(15);

  private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Void> ended = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private WebSocket socket;

  private JdkFeedClient() {}

  /** Connects to {@code uri} (a feed URL, with {@code ?since=} when resuming). */
  public static JdkFeedClient connect(URI uri) {
    JdkFeedClient client = new JdkFeedClient();
    client.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, client).join();
    return client;
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      frames.add(Envelopes.parse(partial.toString()));
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    ended.complete(null);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    ended.complete(null);
  }

  /** Every frame received so far, in order. */
  public List<JsonNode> frames() {
    return List.copyOf(frames);
  }

  /** Waits until a received frame matches {@code wanted}; returns it. */
  public JsonNode awaitFrame(Predicate<JsonNode> wanted) {
    await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> frames.stream().anyMatch(wanted));
    return frames.stream().filter(wanted).findFirst().orElseThrow();
  }

  /** Waits until at least {@code count} frames arrived. */
  public List<JsonNode> awaitFrames(int count) {
    await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> frames.size() >= count);
    return frames();
  }

  /** Waits until the server side is gone (a close frame or a broken connection). */
  public void awaitEnded() {
    ended.orTimeout(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS).join();
  }

  public void close() {
    socket.abort();
  }
}
