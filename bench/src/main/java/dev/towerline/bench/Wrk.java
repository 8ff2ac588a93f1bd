package dev.towerline.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs Debian's wrk with the bench's Lua script. wrk runs under {@code sh}, which then prints its
 * own {@code /proc/<pid>/stat}: the children's CPU time there is wrk's, the load generator's cost.
 */
final class Wrk {
  /** One wrk thread up to this many connections, two above (the machine has two cores). */
  static final int ONE_THREAD_UP_TO_CONNECTIONS = 10;

  private final Path script;
  private final String cpuList;

  /** @param cpuList taskset's CPU list for wrk, or null to leave it unpinned */
  Wrk(Path workDir, String cpuList) {
    this.cpuList = cpuList;
    this.script = workDir.resolve("wrk-report.lua");
    try (InputStream in = Wrk.class.getResourceAsStream("wrk-report.lua")) {
      Files.write(script, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int threadsFor(int connections) {
    return connections <= ONE_THREAD_UP_TO_CONNECTIONS ? 1 : 2;
  }

  /** A run and wrk's own CPU seconds. */
  record Run(WrkResult result, double cpuSeconds) {}

  /** GET {@code url} for {@code seconds}. */
  Run get(String url, int connections, int seconds) {
    return run(url, connections, seconds, Map.of());
  }

  /** POST {@code bodyFormat} (one %s: the serial) rotating over {@code serials}, each with a new Idempotency-Key. */
  Run post(String url, String bodyFormat, List<String> serials, int connections, int seconds) {
    return run(url, connections, seconds, Map.of("BENCH_BODY", bodyFormat,
        "BENCH_SERIALS", String.join(",", serials), "BENCH_KEY_PREFIX", "bench-" + UUID.randomUUID()));
  }

  private Run run(String url, int connections, int seconds, Map<String, String> env) {
    List<String> wrk = new ArrayList<>();
    if (cpuList != null) {
      wrk.addAll(List.of("taskset", "-c", cpuList));
    }
    wrk.addAll(List.of("wrk", "-t" + threadsFor(connections), "-c" + connections, "-d" + seconds + "s",
        "--timeout", "10s", "-s", script.toString(), url));
    List<String> command = new ArrayList<>(List.of("sh", "-c", "\"$@\"; status=$?; cat /proc/$$/stat; exit $status", "sh"));
    command.addAll(wrk);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    try {
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IllegalStateException("wrk failed: " + output);
      }
      String statLine = output.substring(output.lastIndexOf('\n', output.length() - 2) + 1);
      return new Run(WrkResult.parse(output), ProcStat.childrenCpuSeconds(statLine));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run wrk (install Debian's wrk)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while wrk ran", e);
    }
  }
}
