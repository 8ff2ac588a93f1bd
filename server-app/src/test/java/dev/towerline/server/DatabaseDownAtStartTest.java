package dev.towerline.server;

import static dev.towerline.server.testing.Envelopes.assertEnvelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.store.DatabaseConfig;
import dev.towerline.server.testing.Executions;
import dev.towerline.server.testing.RunningServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.time.Duration;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The server starts without its database, serves devices, and migrates once the database appears. */
class DatabaseDownAtStartTest {
  private static final int DATABASE_PORT = freePort();
  private static Server database;

  @RegisterExtension
  static final RunningServer server =
      new RunningServer()
          .database(() -> DatabaseConfig.custom()
              .url("jdbc:h2:tcp://127.0.0.1:" + DATABASE_PORT + "/mem:late;MODE=PostgreSQL;DB_CLOSE_DELAY=-1")
              .build());

  private static final Executions executions = new Executions(server);

  @Test
  void startsWithoutTheDatabaseAndMigratesWhenItArrives() throws SQLException {
    String serial = server.adb().devices().get(0).serial();
    assertThat(server.get("/api/v1/devices").statusCode()).isEqualTo(200);
    assertThat(server.get("/health").statusCode()).isEqualTo(200);
    assertEnvelope(executions.post(Executions.body(serial, "true", 30)), 503, ErrorCode.DATABASE_UNAVAILABLE);
    assertEnvelope(server.get("/api/v1/executions"), 503, ErrorCode.DATABASE_UNAVAILABLE);

    database = Server.createTcpServer("-tcpPort", String.valueOf(DATABASE_PORT), "-ifNotExists").start();

    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
        .until(() -> server.get("/api/v1/executions").statusCode() == 200);
    String id = executions.create(serial, "echo late", 30).path("id").asText();
    assertThat(executions.awaitFinished(id).path("status").asText()).isEqualTo("succeeded");
  }

  @AfterAll
  static void stopDatabase() {
    if (database != null) {
      database.stop();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
