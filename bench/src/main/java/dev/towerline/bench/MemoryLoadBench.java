package dev.towerline.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's memory after mixed load, as the README's run command bounds it: {@code --clients}
 * (1000) WebSocket feed clients spread over the three feeds and kept open, then {@code
 * --requests} (20000) HTTP requests from 8 workers (device, health, execution and event-log reads;
 * every tenth a create with a fresh Idempotency-Key). With {@code --pid <server pid>} it prints
 * the server's RSS before, after, and the peak sampled every second; also the answers by status.
 */
public final class MemoryLoadBench {
  private static final String[] FEEDS = {"executions", "devices", "dashboard"};
  private static final String[] READS = {
    "/api/v1/devices?page_size=50", "/health", "/api/v1/executions?page_size=50", "/health/full",
    "/api/v1/events?feed=executions&since=0&page_size=100"
  };
  private static final Pattern SERIAL = Pattern.compile("\"serial\":\"([^\"]+)\"");

  private MemoryLoadBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = Options.parse(args);
    String base = options.getOrDefault("url", "http://127.0.0.1:8080");
    int requests = Integer.parseInt(options.getOrDefault("requests", "20000"));
    int clients = Integer.parseInt(options.getOrDefault("clients", "1000"));
    String pid = options.get("pid");
    PrintStream out = System.out;
    AtomicLong peak = new AtomicLong();
    if (pid != null) {
      out.printf("server RSS before: %d kB%n", rssKb(pid));
      sampleRss(pid, peak);
    }

    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    AtomicLong frames = new AtomicLong();
    List<WebSocket> sockets = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      URI feed = URI.create(base.replace("http", "ws") + "/api/v1/ws/" + FEEDS[i % FEEDS.length]);
      sockets.add(HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(feed, counting(frames)).get(10, TimeUnit.SECONDS));
    }
    List<String> serials = serials(http, base);
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    AtomicInteger next = new AtomicInteger();
    ExecutorService workers = Executors.newFixedThreadPool(8);
    for (int w = 0; w < 8; w++) {
      workers.execute(() -> {
        for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
          int status;
          try {
            status = http.send(request(base, i, serials), HttpResponse.BodyHandlers.discarding()).statusCode();
          } catch (Exception e) {
            status = -1;
          }
          statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        }
      });
    }
    workers.shutdown();
    if (!workers.awaitTermination(30, TimeUnit.MINUTES)) {
      throw new IllegalStateException("load did not finish in 30 minutes");
    }
    out.printf("%d requests by status (-1: no answer): %s; %d feed clients received %d frames%n", requests, statuses, clients, frames.get());
    if (pid != null) {
      out.printf("server RSS after, clients still connected: %d kB; peak: %d kB%n", rssKb(pid), Math.max(peak.get(), rssKb(pid)));
    }
    sockets.forEach(WebSocket::abort);
    System.exit(0);
  }

  private static HttpRequest request(String base, int i, List<String> serials) {
    if (i % 10 == 0) {
      String body = "{\"device_serial\":\"" + serials.get(i % serials.size()) + "\",\"command\":\"echo load " + i + "\",\"timeout_seconds\":30}";
      return HttpRequest.newBuilder(URI.create(base + "/api/v1/executions")).timeout(Duration.ofSeconds(10))
          .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
          .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
    return HttpRequest.newBuilder(URI.create(base + READS[i % READS.length])).timeout(Duration.ofSeconds(10)).build();
  }

  private static List<String> serials(HttpClient http, String base) throws Exception {
    String page = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/devices?page_size=50")).build(), HttpResponse.BodyHandlers.ofString()).body();
    List<String> serials = new ArrayList<>();
    Matcher serial = SERIAL.matcher(page);
    while (serial.find()) {
      serials.add(serial.group(1));
    }
    if (serials.isEmpty()) {
      throw new IllegalStateException("the server lists no devices: " + page);
    }
    return serials;
  }

  private static WebSocket.Listener counting(AtomicLong frames) {
    return new WebSocket.Listener() {
      @Override
      public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        if (last) {
          frames.incrementAndGet();
        }
        socket.request(1);
        return null;
      }
    };
  }

  private static void sampleRss(String pid, AtomicLong peak) {
    Thread sampler = new Thread(() -> {
      while (true) {
        try {
          peak.accumulateAndGet(rssKb(pid), Math::max);
          Thread.sleep(1000);
        } catch (Exception e) {
          return;
        }
      }
    }, "rss-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  private static long rssKb(String pid) throws Exception {
    return Files.readAllLines(Path.of("/proc", pid, "status")).stream()
        .filter(line -> line.startsWith("VmRSS"))
        .map(line -> Long.parseLong(line.replaceAll("\\D", "")))
        .findFirst()
        .orElseThrow();
  }
}
