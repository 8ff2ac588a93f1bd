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

/**
 * The REST application's threads for writes and for reads are as many as {@code WRITE_THREADS}
 * and {@code READ_THREADS} say, end to end in a server process.
 */
class RestThreadsConfigurationTest {

  // Neither the defaults (16 each) nor each other.
  private static final int WRITES = 11;
  private static final int READS = 3;

  @Test
  void restThreadsAreTheConfiguredNumbers(@TempDir Path dataDir) throws Exception {
    try (ServerProcess server =
        ServerProcess.start(
            Map.of(
                "DATA_DIR", dataDir.toString(),
                "ADB_SIMULATOR", "2",
                "LOG_FORMAT", "text",
                "WRITE_THREADS", String.valueOf(WRITES),
                "READ_THREADS", String.valueOf(READS)))) {
      server.awaitReady();

      assertThat(server.send("GET", "/api/v1/devices/no-such-device", null).statusCode()).isEqualTo(404);
      long pid = server.process().pid();
      // Linux names a thread by the first 15 characters of its Java name, "towerline-write(<n>)".
      assertThat(threadsNamed(pid, TowerlineServer.WRITE_THREADS)).as(server.log()).isEqualTo(WRITES);
      assertThat(threadsNamed(pid, TowerlineServer.READ_THREADS + "(")).as(server.log()).isEqualTo(READS);
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
