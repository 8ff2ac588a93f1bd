package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.server.testing.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The request threads are as many as {@code WORKER_THREADS} says, end to end in a server process. */
class WorkerThreadsConfigurationTest {

  // Neither Grizzly's default (two per core) nor the server's (16) on any machine this runs on.
  private static final int CONFIGURED = 11;
  // Linux names a thread by the first 15 characters of its Java name, "grizzly-http-server-<n>".
  private static final String WORKER_PREFIX = "grizzly-http-se";

  @Test
  void requestThreadsAreTheConfiguredNumber(@TempDir Path dataDir) throws Exception {
    try (ServerProcess server =
        ServerProcess.start(
            Map.of(
                "DATA_DIR", dataDir.toString(),
                "ADB_SIMULATOR", "2",
                "LOG_FORMAT", "text",
                "WORKER_THREADS", String.valueOf(CONFIGURED)))) {
      server.awaitReady();

      assertThat(server.send("GET", "/api/v1/devices", null).statusCode()).isEqualTo(200);
      assertThat(threadsNamed(server.process().pid(), WORKER_PREFIX)).as(server.log()).isEqualTo(CONFIGURED);
    }
  }

  private static long threadsNamed(long pid, String prefix) throws IOException {
    try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
      return tasks.filter(task -> comm(task).startsWith(prefix)).count();
    }
  }

  private static String comm(Path task) {
    try {
      return Files.readString(task.resolve("comm")).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
