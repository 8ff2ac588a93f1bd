package dev.towerline.sdkit.feeds;

import static org.awaitility.Awaitility.await;

import dev.towerline.server.Main;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real server as a separate JVM ({@code java dev.towerline.server.Main}, configured by
 * environment variables only), which {@link #restart(Runnable)} stops with SIGTERM and starts again
 * on the same port and database, as an operator's restart does. (The shared {@code ServerProcess}
 * picks a new port per start, which a client's fixed base URL cannot follow.)
 */
final class FixedPortServer implements AutoCloseable {
  private static final Duration READY_WAIT = Duration.ofSeconds(60);
  private static final Duration EXIT_WAIT = Duration.ofSeconds(30);

  private final Map<String, String> environment;
  private final int port;
  private final List<Path> logs = new ArrayList<>();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private Process process;

  private FixedPortServer(Map<String, String> environment, int port) {
    this.environment = environment;
    this.port = port;
  }

  /** Starts the server on a free port with {@code environment} added, and waits until it is ready. */
  static FixedPortServer start(Map<String, String> environment) throws IOException {
    FixedPortServer server = new FixedPortServer(environment, freePort());
    server.launch();
    return server;
  }

  int port() {
    return port;
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port + pathAndQuery);
  }

  /** SIGTERM, wait for the exit, run {@code meanwhile} while no server runs, start again and wait until ready. */
  void restart(Runnable meanwhile) throws IOException, InterruptedException {
    process.destroy(); // SIGTERM on Linux: the server closes its feeds with 1012 and exits.
    if (!process.waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("server did not exit within " + EXIT_WAIT + "; log:\n" + log());
    }
    meanwhile.run();
    launch();
  }

  /** Everything the server processes wrote so far, for failure messages. */
  String log() {
    StringBuilder all = new StringBuilder();
    for (Path log : logs) {
      try {
        all.append(Files.readString(log));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return all.toString();
  }

  private void launch() throws IOException {
    Path log = File.createTempFile("towerline-fixed-port", ".log").toPath();
    log.toFile().deleteOnExit();
    logs.add(log);
    List<String> command =
        List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
            System.getProperty("java.class.path"), Main.class.getName());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    builder.environment().put("PORT", String.valueOf(port));
    process = builder.start();
    HttpRequest ready = HttpRequest.newBuilder(uri("/health/ready")).timeout(Duration.ofSeconds(5)).build();
    await("server ready on port " + port)
        .atMost(READY_WAIT)
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .until(() -> http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
