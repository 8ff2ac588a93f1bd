package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.server.config.ServerConfig;
import dev.towerline.server.testing.FeedRecorder;
import dev.towerline.server.testing.Feeds;
import dev.towerline.server.testing.ServerProcess;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.glassfish.tyrus.client.ClientManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a real server process (FR-309): feed clients are closed with 1012 so they reconnect
 * at once, the process exits by itself within its shutdown timeout, and its log tells the stop.
 */
class GracefulShutdownTest {

  /**
   * The grace the server gives in-flight requests on stop; with none in flight it must exit well
   * within it.
   */
  private static final Duration EXIT_BOUND = ServerConfig.DEFAULT_SHUTDOWN_TIMEOUT;

  /**
   * Main stops the server in a JVM shutdown hook and leaves the exit to the JVM, which reports a
   * SIGTERM as 128 + 15.
   */
  private static final int EXIT_ON_SIGTERM = 143;

  @Test
  void sigtermClosesFeedsWith1012AndExitsWithinTheBound(@TempDir Path dataDir) throws Exception {
    ClientManager client = ClientManager.createClient();
    try (ServerProcess server =
        ServerProcess.start(Map.of("DATA_DIR", dataDir.toString(), "ADB_SIMULATOR", "2", "LOG_FORMAT", "text"))) {
      server.awaitReady();
      FeedRecorder feed = new FeedRecorder();
      client.connectToServer(feed, ClientEndpointConfig.Builder.create().build(), server.webSocketUri("/api/v1/ws/devices"));
      assertThat(Feeds.type(feed.assertNextText())).isEqualTo("connection_ack");
      assertThat(Feeds.type(feed.assertNextText())).isEqualTo("snapshot");

      long signalled = System.nanoTime();
      server.process().destroy(); // SIGTERM on Linux
      boolean exited = server.process().waitFor(EXIT_BOUND.toMillis(), TimeUnit.MILLISECONDS);
      long exitMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);

      CloseReason close = feed.awaitClose();
      assertThat(close.getCloseCode().getCode()).as("close %s; log:%n%s", close, server.log()).isEqualTo(1012);
      assertThat(exited).as("exited within %s; log:%n%s", EXIT_BOUND, server.log()).isTrue();
      System.out.printf("GracefulShutdownTest: SIGTERM to exit took %d ms (bound %d ms)%n", exitMillis, EXIT_BOUND.toMillis());
      assertThat(server.process().exitValue()).as("exit code; log:%n%s", server.log()).isEqualTo(EXIT_ON_SIGTERM);
      // Logging stops after the server does, so the stop is on record for whoever reads the log.
      assertThat(server.log()).contains("closed with 1012").contains("Towerline server stopped in");
    } finally {
      client.shutdown();
    }
  }
}
