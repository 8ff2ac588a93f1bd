package dev.towerline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * server-app.jar as the README runs it ({@code java -Xmx256m -jar …}), a child process with the
 * given variables; its output goes to a log file next to the results.
 */
final class ServerProcess {
  static final String HEAP = "-Xmx256m";
  private static final long START_TIMEOUT_MILLIS = 60_000;

  private final Process process;
  private final ChildProcesses children;
  private final int port;

  private ServerProcess(Process process, ChildProcesses children, int port) {
    this.process = process;
    this.children = children;
    this.port = port;
  }

  /** Starts the jar and waits until {@code /health/ready} answers 200 (ADB has answered). */
  static ServerProcess start(Path jar, Path ceilingAgent, int ceilingPort, int port, Map<String, String> env,
      Path log, ChildProcesses children, Http http) {
    List<String> command = new ArrayList<>(List.of(javaBinary(), HEAP));
    if (ceilingAgent != null) {
      command.add("-javaagent:" + ceilingAgent + "=" + ceilingPort);
    }
    command.addAll(List.of("-jar", jar.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().keySet().removeIf(name -> name.startsWith("DATABASE_") || name.equals("DATA_DIR")
        || name.startsWith("WS_") || name.startsWith("ADB_") || name.equals("JAVA_TOOL_OPTIONS"));
    builder.environment().putAll(env);
    builder.environment().put("PORT", Integer.toString(port));
    Process process;
    try {
      process = children.track(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ServerProcess server = new ServerProcess(process, children, port);
    server.awaitReady(http, log);
    return server;
  }

  private void awaitReady(Http http, Path log) {
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
    while (!http.answers200(baseUrl() + "/health/ready")) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the server exited with " + process.exitValue() + "; see " + log);
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("the server was not ready within 60 s; see " + log);
      }
      sleep(50);
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  long pid() {
    return process.pid();
  }

  double cpuSeconds() {
    return ProcStat.cpuSeconds(process.pid());
  }

  long rssKib() {
    return ProcStat.rssKib(process.pid());
  }

  long heapUsedAfterGcKib() {
    return Jcmd.heapUsedAfterGcKib(process.pid());
  }

  /** SIGTERM, as an operator stops it; waits for it to exit (killed after 30 s). */
  void stop() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    children.forget(process);
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
