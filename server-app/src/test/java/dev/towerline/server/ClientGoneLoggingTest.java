package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.towerline.server.adb.LogCapture;
import dev.towerline.server.testing.RunningServer;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;

/**
 * A client that goes away while its answer is being written is no fault of the server's: nothing
 * is logged at ERROR and no stack trace is written (issue 9: Jersey logged each one as an error
 * with a stack trace, and the server added an ERROR line of its own).
 */
class ClientGoneLoggingTest {

  @RegisterExtension static final RunningServer server = new RunningServer();

  private static final int CLIENTS = 20;

  @Test
  void clientResettingTheConnectionDuringTheAnswerLogsNoErrorAndNoStackTrace() throws Exception {
    try (LogCapture log = new LogCapture(Logger.ROOT_LOGGER_NAME)) {
      for (int client = 0; client < CLIENTS; client++) {
        resetDuringTheAnswer();
      }

      // The server notices each reset while writing; give it that time, then nothing may have been logged.
      await()
          .during(Duration.ofSeconds(1))
          .atMost(Duration.ofSeconds(3))
          .until(() -> errorsIn(log.jsonLinesContaining("")).isEmpty());
      assertThat(server.get("/health").statusCode()).isEqualTo(200);
    }
  }

  /** Asks for two large answers at once, reads a few bytes and resets the connection. */
  private static void resetDuringTheAnswer() throws IOException {
    try (Socket socket = new Socket()) {
      socket.setReceiveBufferSize(1_024);
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()));
      socket.setSoTimeout((int) RunningServer.TIMEOUT.toMillis());
      socket.getOutputStream().write(
          ("GET /api/v1/openapi.yaml HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                  + "GET /api/v1/openapi.yaml HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      assertThat(socket.getInputStream().readNBytes(16)).hasSize(16);
      socket.setSoLinger(true, 0);
    }
  }

  private static List<String> errorsIn(List<String> jsonLines) {
    return jsonLines.stream().filter(line -> line.contains("\"level\":\"ERROR\"") || line.contains("\"stack_trace\"")).toList();
  }
}
