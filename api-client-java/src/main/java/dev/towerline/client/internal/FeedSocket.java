package dev.towerline.client.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One JDK WebSocket of a feed, its callbacks turned into a queue of {@link Signal}s that the feed
 * thread takes. Every message or heartbeat heard is stamped on the client's clock, so silence is
 * measured even while the feed thread is busy in a listener. WebSocket pings are answered by the
 * JDK; a server's close frame is answered as RFC 6455 asks once {@code onClose} returns.
 */
final class FeedSocket implements WebSocket.Listener {

  sealed interface Signal permits Text, Closed, Failed {}

  record Text(String text) implements Signal {}

  record Closed(int code, String reason) implements Signal {}

  record Failed(Throwable cause) implements Signal {}

  /** The server answered the handshake without upgrading. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;
    final transient Map<String, List<String>> headers;
    final String body;

    Refused(int status, Map<String, List<String>> headers, String body) {
      super("HTTP " + status);
      this.status = status;
      this.headers = headers;
      this.body = body;
    }
  }

  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(5);

  private final BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
  private final StringBuilder partial = new StringBuilder();
  private final Clock clock;
  private volatile Instant lastHeard;
  private volatile WebSocket webSocket;
  private volatile boolean closedByServer;

  private FeedSocket(Clock clock) {
    this.clock = clock;
    this.lastHeard = clock.instant();
  }

  /**
   * Opens a WebSocket and waits for the handshake.
   *
   * @throws Refused when the server answered with a status other than 101
   * @throws IOException when no connection could be made in time
   */
  static FeedSocket open(HttpClient http, URI uri, Map<String, String> headers, Duration connectTimeout,
      Duration handshakeTimeout, Clock clock) throws Refused, IOException, InterruptedException {
    FeedSocket socket = new FeedSocket(clock);
    WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(connectTimeout);
    headers.forEach(builder::header);
    CompletableFuture<WebSocket> opening = builder.buildAsync(uri, socket);
    try {
      socket.webSocket = opening.get(handshakeTimeout.toMillis(), TimeUnit.MILLISECONDS);
      socket.lastHeard = clock.instant();
      return socket;
    } catch (InterruptedException e) {
      opening.thenAccept(WebSocket::abort);
      throw e;
    } catch (TimeoutException e) {
      opening.thenAccept(WebSocket::abort);
      throw new IOException("no WebSocket handshake from " + uri + " within " + handshakeTimeout, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof WebSocketHandshakeException refused) {
        HttpResponse<?> response = refused.getResponse();
        throw new Refused(response.statusCode(), response.headers().map(), bodyText(response.body()));
      }
      throw cause instanceof IOException io ? io : new IOException(String.valueOf(cause), cause);
    }
  }

  private static String bodyText(Object body) {
    if (body instanceof String text) {
      return text;
    }
    if (body instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    return null;
  }

  Signal poll(Duration wait) throws InterruptedException {
    return signals.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  Instant lastHeard() {
    return lastHeard;
  }

  void send(String text) throws IOException, InterruptedException {
    try {
      webSocket.sendText(text, true).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("could not send a frame: " + e, e);
    }
  }

  /**
   * Sends a normal close and drops the connection without waiting for the server's answer. After
   * the server's own close the JDK answers it (echoing its code) and then closes the connection,
   * so nothing is sent or cut here.
   */
  void close() {
    WebSocket open = webSocket;
    if (open == null || closedByServer) {
      return;
    }
    try {
      open.sendClose(WebSocket.NORMAL_CLOSURE, "client closed").get(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException | IllegalStateException e) {
      // Already closing or gone; abort below either way.
    } finally {
      open.abort();
    }
  }

  void abort() {
    WebSocket open = webSocket;
    if (open != null) {
      open.abort();
    }
  }

  private void heard() {
    lastHeard = clock.instant();
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    heard();
    partial.append(data);
    if (last) {
      signals.add(new Text(partial.toString()));
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    heard();
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
    heard();
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
    heard();
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closedByServer = true;
    signals.add(new Closed(statusCode, reason));
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    signals.add(new Failed(error));
  }
}
