package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.ServerProcess;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read timeout is the one {@code REQUEST_READ_TIMEOUT_MS} sets, end to end in a server process. */
class ReadTimeoutConfigurationTest {

  private static final long CONFIGURED_MS = 700;
  // Well below the 10 s default: an answer within it can only come from the configured timeout.
  private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);

  @Test
  void incompleteRequestIsAnsweredAfterTheConfiguredReadTimeout(@TempDir Path dataDir) throws Exception {
    try (ServerProcess server =
        ServerProcess.start(
            Map.of(
                "DATA_DIR", dataDir.toString(),
                "ADB_SIMULATOR", "2",
                "LOG_FORMAT", "text",
                "REQUEST_READ_TIMEOUT_MS", String.valueOf(CONFIGURED_MS)))) {
      server.awaitReady();

      String answer;
      try (Socket socket = new Socket("127.0.0.1", server.uri("/").getPort())) {
        socket.setSoTimeout((int) ANSWER_WITHIN.toMillis());
        socket.getOutputStream().write(
            "POST /api/v1/executions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 50\r\n\r\n{"
                .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      }

      assertThat(answer).as(server.log()).startsWith("HTTP/1.1 408 ");
      assertThat(Envelopes.parse(answer.substring(answer.indexOf("\r\n\r\n") + 4)).path("error").path("details").path("timeout_ms").asLong())
          .isEqualTo(CONFIGURED_MS);
    }
  }
}
