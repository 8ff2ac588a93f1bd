package dev.towerline.bench;

import java.net.http.WebSocket;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One feed connection of the JDK's {@link WebSocket}: answers the server's heartbeat pings,
 * hands each frame to the probe in force, and remembers how it was closed.
 */
final class FeedClient implements WebSocket.Listener {
  private static final Pattern NONCE = Pattern.compile("\"nonce\":\"([^\"]*)\"");

  private final int index;
  private final Supplier<DeliveryProbe> probe;
  private final CompletableFuture<Void> firstFrame = new CompletableFuture<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private StringBuilder partial;
  private volatile WebSocket socket;
  private volatile Throwable error;

  FeedClient(int index, Supplier<DeliveryProbe> probe) {
    this.index = index;
    this.probe = probe;
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    socket = webSocket;
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    long arrival = System.nanoTime();
    if (!last || partial != null) {
      if (partial == null) {
        partial = new StringBuilder();
      }
      partial.append(data);
      if (!last) {
        webSocket.request(1);
        return null;
      }
    }
    String frame = partial == null ? data.toString() : partial.toString();
    partial = null;
    firstFrame.complete(null);
    DeliveryProbe current = probe.get();
    if (current != null) {
      current.offer(index, frame, arrival);
    }
    if (frame.contains("\"type\":\"ping\"")) {
      Matcher nonce = NONCE.matcher(frame);
      webSocket.sendText("{\"type\":\"pong\",\"ts\":\"" + Instant.now() + "\""
          + (nonce.find() ? ",\"nonce\":\"" + nonce.group(1) + "\"" : "") + "}", true);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    this.error = error;
    closed.complete(-1);
  }

  /** Why the connection failed after it opened, for the report; empty while it has not. */
  String errorDescription() {
    Throwable failure = error;
    if (failure == null) {
      return "";
    }
    Throwable cause = failure.getCause() == null ? failure : failure.getCause();
    return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
  }

  CompletableFuture<Void> firstFrame() {
    return firstFrame;
  }

  CompletableFuture<Integer> closed() {
    return closed;
  }

  boolean isOpen() {
    return socket != null && !closed.isDone();
  }

  WebSocket socket() {
    return socket;
  }
}
