package dev.towerline.server.testing;

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
 * The server as a separate JVM started as in production ({@code java dev.towerline.server.Main},
 * configured by environment variables only), with this JVM's class path, on a free loopback port;
 * for what only a real process shows: signals, exit codes, kills. Its output goes to {@link
 * #log()}. {@link #close()} kills it if it is still running.
 */
public final class ServerProcess implements AutoCloseable {
  // A start takes about 3 s; on 2 cores shared with other forks and loads it has taken 30.
  private static final Duration READY_WAIT = Duration.ofSeconds(60);
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final Process process;
  private final Path log;
  private final int port;

  private ServerProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** Starts the server with {@code environment} added to this JVM's; {@code PORT} is chosen here. */
  public static ServerProcess start(Map<String, String> environment) throws IOException {
    return launch(environment, "-cp", System.getProperty("java.class.path"), Main.class.getName());
  }

  /**
   * Like {@link #start(Map)}, with JVM options before the main class, e.g. {@code
   * -Dlogback.configurationFile=logback.xml} for the production logging instead of the tests'.
   */
  public static ServerProcess start(Map<String, String> environment, List<String> jvmOptions) throws IOException {
    List<String> arguments = new ArrayList<>(jvmOptions);
    arguments.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    return launch(environment, arguments.toArray(String[]::new));
  }

  /**
   * Starts the server as users do, {@code java <jvmOptions> -jar <jar>} (the README's options),
   * with {@code environment} added.
   */
  public static ServerProcess startJar(Path jar, List<String> jvmOptions, Map<String, String> environment)
      throws IOException {
    List<String> arguments = new ArrayList<>(jvmOptions);
    arguments.addAll(List.of("-jar", jar.toString()));
    return launch(environment, arguments.toArray(String[]::new));
  }

  private static ServerProcess launch(Map<String, String> environment, String... arguments) throws IOException {
    int port = freePort();
    Path log = File.createTempFile("towerline-process", ".log").toPath();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    builder.environment().put("PORT", String.valueOf(port));
    return new ServerProcess(builder.start(), log, port);
  }

  /** Waits until {@code /health/ready} answers 200. */
  public ServerProcess awaitReady() {
    HttpClient http = HTTP;
    HttpRequest ready = HttpRequest.newBuilder(uri("/health/ready")).timeout(Duration.ofSeconds(5)).build();
    await("server process ready; log: " + log)
        .atMost(READY_WAIT)
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(() -> http.send(ready, HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    return this;
  }

  public Process process() {
    return process;
  }

  /** Kills the process with SIGKILL, as a crash would, and waits until it is gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
  }

  /** Waits for the process to exit on its own; its exit code, or empty when it still runs. */
  public java.util.OptionalInt awaitExit(Duration atMost) throws InterruptedException {
    return process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)
        ? java.util.OptionalInt.of(process.exitValue())
        : java.util.OptionalInt.empty();
  }

  /**
   * Sends {@code method pathAndQuery} with {@code json} as body (none when null) over HTTP/1.1;
   * the answer has passed {@link RunningServer#CONTRACT}.
   */
  public HttpResponse<String> send(String method, String pathAndQuery, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(10));
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      RunningServer.CONTRACT.checkResponse(response);
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code http://127.0.0.1:<port>} + {@code pathAndQuery}. */
  public URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port + pathAndQuery);
  }

  /** {@code ws://127.0.0.1:<port>} + {@code path}. */
  public URI webSocketUri(String path) {
    return URI.create("ws://127.0.0.1:" + port + path);
  }

  /** What the process wrote so far, for failure messages. */
  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
