package dev.towerline.server.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A feed client that is not our stack (Tyrus): the JDK's {@link java.net.http.WebSocket}. It
 * answers {@code ping} frames like a live client and records every other whole text message, each
 * checked against the feed's channel in asyncapi.yaml, and how the connection ended.
 *
 * <p>Two ways to read what came: one by one as a queue ({@link #next}, {@link #until}, {@link
 * #poll}: a contract violation, a binary frame, the close or an error come out in order, and a
 * violation fails the read), or as the list of all frames so far ({@link #frames}, {@link
 * #awaitFrame}, {@link #awaitFrames}, {@link #awaitEnded}), which a test may read at any time, also
 * after the server is gone. The queue waits up to {@link #WAIT}; the list methods, written for a
 * server in another process, up to {@link #AWAIT}.
 */
public final class JdkFeedClient implements WebSocket.Listener, AutoCloseable {
  /** How long {@link #next}, {@link #until}, {@link #poll} and the connect wait. */
  public static final Duration WAIT = Duration.ofSeconds(10);
  /** How long {@link #awaitFrame}, {@link #awaitFrames} and {@link #awaitEnded} wait. */
  public static final Duration AWAIT = Duration.ofSeconds(15);

  /** What the queue holds when the server closed: the close code. */
  public record Closed(int code, String reason) {}

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String feed;
  private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
  private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Void> ended = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private WebSocket socket;

  private JdkFeedClient(String feed) {
    this.feed = feed;
  }

  /** Connects to {@code ws://…/api/v1/ws/<feedAndQuery>} on {@code server}. */
  public static JdkFeedClient connect(RunningServer server, String feedAndQuery) {
    return connect(server.webSocketUri("/api/v1/ws/" + feedAndQuery));
  }

  /** Connects to {@code uri} (a feed URL, with {@code ?since=} when resuming). */
  public static JdkFeedClient connect(URI uri) {
    JdkFeedClient client = new JdkFeedClient(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    client.socket =
        HTTP.newWebSocketBuilder().connectTimeout(WAIT).buildAsync(uri, client).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    return client;
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      String text = partial.toString();
      partial.setLength(0);
      JsonNode frame = Envelopes.parse(text);
      try {
        RunningServer.CONTRACT.checkFrame(feed, text);
      } catch (AssertionError violation) {
        received.add(violation);
      }
      if (frame.path("type").asText().equals("ping")) {
        webSocket.sendText("{\"type\":\"pong\",\"ts\":\"" + OffsetDateTime.now(ZoneOffset.UTC) + "\",\"nonce\":" + frame.path("nonce") + "}", true);
      } else {
        frames.add(frame);
        received.add(frame);
      }
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    received.add(new AssertionError("the server sent a binary frame on " + feed));
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    received.add(new Closed(statusCode, reason));
    ended.complete(null);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    received.add(error);
    ended.complete(null);
  }

  public void send(String text) {
    socket.sendText(text, true).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
  }

  /** The next frame, failing on a close, an error, a contract violation, or nothing within {@link #WAIT}. */
  public JsonNode next(String waitingFor) {
    Object next = poll();
    if (next instanceof AssertionError violation) {
      throw violation;
    }
    assertThat(next).as("%s on %s: a frame within %s", waitingFor, feed, WAIT).isNotNull().isInstanceOf(JsonNode.class);
    return (JsonNode) next;
  }

  /** Frames until one matches; the ones skipped are returned too, in order, with the match last. */
  public List<JsonNode> until(Predicate<JsonNode> wanted, String waitingFor) {
    List<JsonNode> frames = new ArrayList<>();
    while (true) {
      JsonNode frame = next(waitingFor + " (after " + frames.size() + " frames, the last " + (frames.isEmpty() ? "none" : frames.get(frames.size() - 1)) + ")");
      frames.add(frame);
      if (wanted.test(frame)) {
        return frames;
      }
    }
  }

  /** The next thing received: a frame, a {@link Closed}, a failure; null after {@link #WAIT}. */
  public Object poll() {
    try {
      return received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Every frame received so far but {@code ping}s, in order (whatever {@link #next} has taken). */
  public List<JsonNode> frames() {
    return List.copyOf(frames);
  }

  /** Waits until a received frame matches {@code wanted}; returns the first that does. */
  public JsonNode awaitFrame(Predicate<JsonNode> wanted) {
    await().atMost(AWAIT).pollInterval(Duration.ofMillis(20)).until(() -> frames.stream().anyMatch(wanted));
    return frames.stream().filter(wanted).findFirst().orElseThrow();
  }

  /** Waits until at least {@code count} frames arrived; returns all so far. */
  public List<JsonNode> awaitFrames(int count) {
    await().atMost(AWAIT).pollInterval(Duration.ofMillis(20)).until(() -> frames.size() >= count);
    return frames();
  }

  /** Waits until the server side is gone (a close frame or a broken connection). */
  public void awaitEnded() {
    ended.orTimeout(AWAIT.toSeconds(), TimeUnit.SECONDS).join();
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
    socket.abort();
  }
}
