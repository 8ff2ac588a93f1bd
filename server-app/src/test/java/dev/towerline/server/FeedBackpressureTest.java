package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.towerline.server.feed.outbox.OutboxLimits;
import dev.towerline.server.testing.Executions;
import dev.towerline.server.testing.FeedRecorder;
import dev.towerline.server.testing.Feeds;
import dev.towerline.server.testing.RunningServer;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.tyrus.client.ClientManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A client that stops reading is dropped with 1013 while a fast one keeps receiving. */
class FeedBackpressureTest {

  private static final String CHUNK = "x".repeat(64 * 1024 - 1) + "\n";

  @RegisterExtension
  static final RunningServer server =
      new RunningServer().feeds(f -> f.outboxLimits(new OutboxLimits(8, 2L * 1024 * 1024)));

  private static Feeds feeds;
  private static Executions executions;

  @BeforeAll
  static void startClient() {
    feeds = new Feeds(server);
    executions = new Executions(server);
    server.adb().registerCommand("flood", (session, args) -> {
      for (int i = 0; i < 400; i++) {
        session.out(CHUNK);
      }
      return 0;
    });
  }

  @AfterAll
  static void stopClient() {
    feeds.close();
  }

  /** Reads the ack and the snapshot, then blocks its reader until released. */
  static final class StalledClient extends Endpoint {
    final CountDownLatch release = new CountDownLatch(1);
    final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    final AtomicInteger frames = new AtomicInteger();

    @Override
    public void onOpen(Session session, EndpointConfig config) {
      session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
        if (frames.incrementAndGet() > 2) {
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      });
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
      closed.complete(reason);
    }
  }

  @Test
  void slowConsumerIsDroppedWhileFastOneKeepsReceiving() throws Exception {
    String serial = server.adb().devices().get(0).serial();
    ClientManager slowClient = ClientManager.createClient();
    StalledClient slow = new StalledClient();
    try {
      slowClient.connectToServer(slow, ClientEndpointConfig.Builder.create().build(), server.webSocketUri("/api/v1/ws/executions"));
      FeedRecorder fast = feeds.connect("executions");
      fast.awaitText(text -> Feeds.type(text).equals("snapshot"));
      await().atMost(Duration.ofSeconds(5)).until(() -> slow.frames.get() >= 2);

      String id = executions.create(serial, "flood", 60).path("id").asText();

      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> server.get("/metrics").body().matches("(?s).*towerline_ws_closes_total\\{[^}]*reason=\"slow_consumer\"[^}]*\\} [1-9].*"));
      fast.awaitText(text -> text.contains("\"execution.updated\"") && text.contains(id) && text.contains("\"succeeded\""));
      slow.release.countDown();
      CloseReason close = slow.closed.get(30, TimeUnit.SECONDS);
      assertThat(close.getCloseCode().getCode()).isIn(1013, 1006);
      fast.close();
    } finally {
      slow.release.countDown();
      slowClient.shutdown();
    }
  }
}
