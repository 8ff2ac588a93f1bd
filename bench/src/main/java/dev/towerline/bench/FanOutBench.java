package dev.towerline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.websocket.ClientEndpoint;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;

/**
 * Fan-out latency of the executions feed: {@code --clients} WebSocket clients connect, then
 * {@code --executions} executions are created over REST; every {@code execution.updated} frame's
 * delay from its server {@code ts} to its arrival at each client is recorded (client and server
 * share the machine's clock). With {@code --pid} of the server it also prints the server's RSS
 * with all clients connected and idle.
 */
public final class FanOutBench {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FanOutBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = Options.parse(args);
    String base = options.getOrDefault("url", "http://127.0.0.1:8080");
    int clients = Integer.parseInt(options.getOrDefault("clients", "1000"));
    int executions = Integer.parseInt(options.getOrDefault("executions", "20"));
    String pid = options.get("pid");

    ClientManager manager = ClientManager.createClient();
    manager.getProperties().put(ClientProperties.SHARED_CONTAINER, true);
    // Set before connecting: a session's idle timer starts before onOpen could change it.
    manager.setDefaultMaxSessionIdleTimeout(Duration.ofMinutes(10).toMillis());
    ConcurrentLinkedQueue<Long> delaysMicros = new ConcurrentLinkedQueue<>();
    CountDownLatch ready = new CountDownLatch(clients);
    List<Session> sessions = new ArrayList<>();
    URI feed = URI.create(base.replaceFirst("^http", "ws") + "/api/v1/ws/executions");
    for (int i = 0; i < clients; i++) {
      sessions.add(manager.connectToServer(new Recorder(ready, delaysMicros), feed));
    }
    if (!ready.await(2, TimeUnit.MINUTES)) {
      throw new IllegalStateException(ready.getCount() + " clients got no snapshot within 2 minutes");
    }
    PrintStream out = System.out;
    if (pid != null) {
      Thread.sleep(2_000);
      out.printf("server RSS with %d idle feed connections: %s%n", clients, rss(pid));
    }

    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String serial = JSON.readTree(get(http, base + "/api/v1/devices?state=online&page_size=1")).path("data").get(0).path("serial").asText();
    for (int i = 0; i < executions; i++) {
      HttpRequest create =
          HttpRequest.newBuilder(URI.create(base + "/api/v1/executions"))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{\"device_serial\":\"" + serial + "\",\"command\":\"true\",\"timeout_seconds\":30}"))
              .build();
      http.send(create, HttpResponse.BodyHandlers.discarding());
      Thread.sleep(200);
    }
    Thread.sleep(3_000);

    long[] samples = delaysMicros.stream().mapToLong(Long::longValue).toArray();
    Percentiles p = new Percentiles(samples);
    out.printf(
        "execution.updated to %d clients: %d deliveries; latency ms p50 %.2f  p99 %.2f  max %.2f%n",
        clients, p.count(), p.at(50) / 1e3, p.at(99) / 1e3, p.max() / 1e3);
    for (Session session : sessions) {
      session.close();
    }
  }

  private static String get(HttpClient http, String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static String rss(String pid) throws Exception {
    return Files.readAllLines(Path.of("/proc", pid, "status")).stream()
        .filter(line -> line.startsWith("VmRSS"))
        .findFirst()
        .map(line -> line.replace("VmRSS:", "").trim())
        .orElse("unknown");
  }

  /**
   * Counts a client ready at its snapshot and records each event's delay. Annotated, so its
   * handler exists before the first frame arrives (a handler added in onOpen can miss frames that
   * come with the handshake response).
   */
  @ClientEndpoint
  public static final class Recorder {
    private final CountDownLatch ready;
    private final ConcurrentLinkedQueue<Long> delays;

    Recorder(CountDownLatch ready, ConcurrentLinkedQueue<Long> delays) {
      this.ready = ready;
      this.delays = delays;
    }

    @OnMessage
    public void onMessage(Session session, String text) {
      long arrived = System.currentTimeMillis() * 1_000;
      try {
        JsonNode frame = JSON.readTree(text);
        switch (frame.path("type").asText()) {
          case "snapshot" -> ready.countDown();
          case "execution.updated" -> {
            long sent = OffsetDateTime.parse(frame.path("ts").asText()).toInstant().toEpochMilli() * 1_000;
            delays.add(Math.max(0, arrived - sent));
          }
          case "ping" -> session.getAsyncRemote().sendText("{\"type\":\"pong\",\"nonce\":\"" + frame.path("nonce").asText() + "\"}");
          default -> { }
        }
      } catch (Exception e) {
        // A frame this benchmark cannot read is not a latency sample.
      }
    }
  }
}
