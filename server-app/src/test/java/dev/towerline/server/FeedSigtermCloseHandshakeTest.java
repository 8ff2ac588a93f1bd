package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.server.edge.ratelimit.RateLimitConfig;
import dev.towerline.server.feed.FeedConfig;
import dev.towerline.server.testing.RawWebSocket;
import dev.towerline.server.testing.ServerProcess;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a real server process with 20 feed clients that are not Tyrus and keep pinging while
 * it stops (issue 9, item 8): every one receives the 1012 close frame, its answer is awaited, and
 * only then does the server close the socket and exit. Half are the JDK's java.net.http.WebSocket,
 * half raw sockets that read the close frame byte by byte.
 */
class FeedSigtermCloseHandshakeTest {
  private static final int CLIENTS_PER_KIND = 10;
  private static final Duration PING_EVERY = Duration.ofMillis(20);
  private static final Duration WAIT = Duration.ofSeconds(20);
  /** How long the raw clients take to answer the close: the server must wait, socket open. */
  private static final Duration ANSWER_AFTER = Duration.ofMillis(300);

  @Test
  void everyClientReceives1012AndTheServerWaitsForTheCloseHandshake(@TempDir Path dataDir) throws Exception {
    ScheduledExecutorService pingers = Executors.newScheduledThreadPool(2);
    try (ServerProcess server =
        ServerProcess.start(
            Map.of(
                "DATA_DIR", dataDir.toString(), "ADB_SIMULATOR", "2", "LOG_FORMAT", "text", "WS_HEARTBEAT_SECONDS", "2",
                FeedConfig.CLOSE_TIMEOUT_VARIABLE, "5000",
                // The clients ping every 20 ms to interleave with the close; that is 50 frames a
                // second, over the default per-connection frame quota once start-up is slow.
                RateLimitConfig.WS_FRAMES_VARIABLE, "off"))) {
      server.awaitReady();
      int port = server.uri("/").getPort();
      List<JdkClient> jdkClients = new ArrayList<>();
      List<RawClient> rawClients = new ArrayList<>();
      for (int i = 0; i < CLIENTS_PER_KIND; i++) {
        jdkClients.add(JdkClient.connect(server));
        rawClients.add(RawClient.connect(port));
      }
      for (JdkClient client : jdkClients) {
        assertThat(client.acknowledged.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("JDK client acknowledged").isTrue();
        pingers.scheduleAtFixedRate(client::ping, 0, PING_EVERY.toMillis(), TimeUnit.MILLISECONDS);
      }
      for (RawClient client : rawClients) {
        assertThat(client.acknowledged.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("raw client acknowledged").isTrue();
        pingers.scheduleAtFixedRate(client::ping, 0, PING_EVERY.toMillis(), TimeUnit.MILLISECONDS);
      }

      long signalled = System.nanoTime();
      server.process().destroy(); // SIGTERM on Linux

      for (JdkClient client : jdkClients) {
        assertThat(client.closeCode.get(WAIT.toSeconds(), TimeUnit.SECONDS)).as("JDK client close; log:%n%s", server.log()).isEqualTo(1012);
      }
      for (RawClient client : rawClients) {
        RawWebSocket.Frame close = client.close.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(close.closeCode()).as("raw client close; log:%n%s", server.log()).isEqualTo(1012);
        assertThat(close.closeReason()).contains("since");
        assertThat(client.openUntilAnswered.get(WAIT.toSeconds(), TimeUnit.SECONDS))
            .as("socket open until the client answered the close; log:%n%s", server.log()).isTrue();
        assertThat(client.socketClosedAfterAnswer.get(WAIT.toSeconds(), TimeUnit.SECONDS))
            .as("server closed the socket after the handshake").isTrue();
      }
      assertThat(server.process().waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("exited; log:%n%s", server.log()).isTrue();
      System.out.printf(
          "FeedSigtermCloseHandshakeTest: %d clients closed with 1012, SIGTERM to exit %d ms%n",
          2 * CLIENTS_PER_KIND, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled));
      assertThat(server.log()).contains("answered the 1012 close");
    } finally {
      pingers.shutdownNow();
    }
  }

  /** The JDK's WebSocket client; it answers a close by itself once {@code onClose} returns. */
  private static final class JdkClient implements WebSocket.Listener {
    final CountDownLatch acknowledged = new CountDownLatch(1);
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final StringBuilder text = new StringBuilder();
    private volatile WebSocket webSocket;

    static JdkClient connect(ServerProcess server) {
      JdkClient client = new JdkClient();
      client.webSocket =
          HttpClient.newHttpClient().newWebSocketBuilder()
              .buildAsync(server.webSocketUri("/api/v1/ws/executions"), client)
              .join();
      return client;
    }

    void ping() {
      WebSocket open = webSocket;
      if (open != null && !open.isOutputClosed() && !closeCode.isDone()) {
        open.sendPing(ByteBuffer.wrap("jdk".getBytes(StandardCharsets.US_ASCII))); // A refused ping fails its future only.
      }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        if (text.toString().contains("\"connection_ack\"")) {
          acknowledged.countDown();
        }
        text.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closeCode.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closeCode.completeExceptionally(error);
    }
  }

  /** A raw-socket client: pings as control frames and as {@code ping} frames, answers the close itself. */
  private static final class RawClient {
    final CountDownLatch acknowledged = new CountDownLatch(1);
    final CompletableFuture<RawWebSocket.Frame> close = new CompletableFuture<>();
    final CompletableFuture<Boolean> openUntilAnswered = new CompletableFuture<>();
    final CompletableFuture<Boolean> socketClosedAfterAnswer = new CompletableFuture<>();
    private final RawWebSocket socket;
    private long pings;

    private RawClient(RawWebSocket socket) {
      this.socket = socket;
    }

    static RawClient connect(int port) throws Exception {
      RawClient client = new RawClient(RawWebSocket.connect(port, "/api/v1/ws/executions"));
      Thread reader = new Thread(client::read, "raw-feed-client");
      reader.setDaemon(true);
      reader.start();
      return client;
    }

    void ping() {
      synchronized (socket) {
        if (close.isDone()) {
          return; // Nothing may follow the client's own close frame.
        }
        try {
          if (pings++ % 2 == 0) {
            socket.send(RawWebSocket.PING, "raw".getBytes(StandardCharsets.US_ASCII), true);
          } else {
            socket.sendText("{\"type\":\"ping\",\"ts\":\"2026-12-07T00:00:00Z\",\"nonce\":\"raw-" + pings + "\"}");
          }
        } catch (Exception e) {
          // The server may already have closed the socket; the reader reports what it got.
        }
      }
    }

    private void read() {
      try {
        while (true) {
          RawWebSocket.Frame frame = socket.read();
          if (frame.opcode() == RawWebSocket.TEXT && frame.text().contains("\"connection_ack\"")) {
            acknowledged.countDown();
          } else if (frame.opcode() == RawWebSocket.CLOSE) {
            close.complete(frame);
            openUntilAnswered.complete(socket.staysOpenFor(ANSWER_AFTER));
            synchronized (socket) {
              socket.answerClose(frame);
            }
            socketClosedAfterAnswer.complete(socket.serverClosedSocket());
            return;
          }
        }
      } catch (Exception e) {
        close.completeExceptionally(e);
        openUntilAnswered.completeExceptionally(e);
        socketClosedAfterAnswer.completeExceptionally(e);
      } finally {
        try {
          socket.close();
        } catch (Exception e) {
          // Done either way.
        }
      }
    }
  }
}
