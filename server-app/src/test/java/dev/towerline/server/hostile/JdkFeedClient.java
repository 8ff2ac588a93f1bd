package dev.towerline.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.RunningServer;
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
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A feed client on the JDK's {@link java.net.http.WebSocket} (not our Tyrus stack): it records
 * whole text messages, each checked against the feed's channel in asyncapi.yaml, and the close; it
 * answers {@code ping} frames like a live client.
 */
final class JdkFeedClient implements WebSocket.Listener, AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(10);

  /** What the queue holds when the server closed: the close code. */
  record Closed(int code, String reason) {}

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String feed;
  private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
  private final StringBuilder partial = new StringBuilder();
  private WebSocket socket;

  private JdkFeedClient(String feed) {
    this.feed = feed;
  }

  /** Connects to {@code ws://…/api/v1/ws/<feedAndQuery>}. */
  static JdkFeedClient connect(RunningServer server, String feedAndQuery) {
    JdkFeedClient client = new JdkFeedClient("/api/v1/ws/" + feedAndQuery);
    URI uri = server.webSocketUri(client.feed);
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
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    received.add(error);
  }

  void send(String text) {
    socket.sendText(text, true).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
  }

  /** The next frame, failing on a close, an error, or nothing within {@link #WAIT}. */
  JsonNode next(String waitingFor) {
    Object next = poll();
    if (next instanceof AssertionError violation) {
      throw violation;
    }
    assertThat(next).as("%s on %s: a frame within %s", waitingFor, feed, WAIT).isNotNull().isInstanceOf(JsonNode.class);
    return (JsonNode) next;
  }

  /** Frames until one matches; the ones skipped are returned too, in order, with the match last. */
  List<JsonNode> until(Predicate<JsonNode> wanted, String waitingFor) {
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
  Object poll() {
    try {
      return received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
    socket.abort();
  }
}
