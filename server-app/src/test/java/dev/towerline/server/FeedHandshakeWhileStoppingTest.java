package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.server.testing.RawWebSocket;
import dev.towerline.server.testing.RunningServer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A client that connects while the server stops is told what the connected ones are told — 1012,
 * come back after the restart — not 1013 "connection limit reached", which sent SDK feeds into
 * backoff for a limit that did not exist.
 */
class FeedHandshakeWhileStoppingTest {

  private static final Duration CLOSE_WAIT = Duration.ofSeconds(4);

  @RegisterExtension
  static final RunningServer server = new RunningServer().feeds(feeds -> feeds.closeTimeout(CLOSE_WAIT));

  @Test
  void aHandshakeDuringTheStopIsClosedWith1012() throws Exception {
    int port = server.port();
    // Never answers the 1012 close, so the stop waits CLOSE_WAIT for it with the port still open.
    try (RawWebSocket silent = RawWebSocket.connect(port, "/api/v1/ws/devices", Duration.ofSeconds(10))) {
      assertThat(silent.read().text()).contains("connection_ack");
      CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> {
        try {
          server.restart(() -> {});
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      assertThat(silent.readUntil(0x8).closeCode()).as("the connected client's close").isEqualTo(1012);

      try (RawWebSocket late = RawWebSocket.connect(port, "/api/v1/ws/devices", Duration.ofSeconds(10))) {
        RawWebSocket.Frame close = late.readUntil(0x8);
        assertThat(close.closeCode()).isEqualTo(1012);
        assertThat(close.closeReason()).contains("restarting");
      }
      stopping.join();
    }
  }
}
