package dev.towerline.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Memory of the server process: idle; with many idle feed sockets; and through connect → first
 * frame → close cycles, sampled after a warm-up, halfway and at the end. Each sample is a full GC
 * by jcmd, then the heap in use and the process's RSS.
 */
final class MemoryPhase {
  static final int CHURN_LOOPS = 32;
  private static final long SETTLE_MILLIS = 2_000;

  private final BenchOptions options;
  private final Results results;

  MemoryPhase(BenchOptions options, Results results) {
    this.options = options;
    this.results = results;
  }

  void run(ServerProcess server, String column) throws Exception {
    URI feed = URI.create(server.baseUrl().replace("http:", "ws:") + "/api/v1/ws/devices");
    Thread.sleep(SETTLE_MILLIS);
    Map<String, Object> idle = sample(server);
    results.add(Results.MEMORY, "idle server", column, idle);
    idleSockets(server, feed, column);
    churn(server, feed, column);
  }

  private void idleSockets(ServerProcess server, URI feed, String column) throws InterruptedException {
    try (FeedClients clients = new FeedClients(feed)) {
      clients.connectUpTo(options.idleSockets());
      Thread.sleep(SETTLE_MILLIS);
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("clients", options.idleSockets());
      values.put("connected", clients.open());
      values.put("refused", clients.refusals());
      values.putAll(sample(server));
      results.add(Results.MEMORY, options.idleSockets() + Targets.IDLE_SUFFIX, column, values);
      System.out.printf("  memory %s idle sockets: %s%n", column, values);
    }
  }

  private void churn(ServerProcess server, URI feed, String column) throws Exception {
    int warmup = Math.min(5_000, Math.max(100, options.churnCycles() / 20));
    AtomicLong failures = new AtomicLong();
    ExecutorService loops = Executors.newFixedThreadPool(CHURN_LOOPS);
    ExecutorService callbacks = Executors.newFixedThreadPool(2);
    HttpClient http = HttpClient.newBuilder().executor(callbacks).version(HttpClient.Version.HTTP_1_1).build();
    try {
      cycles(loops, http, feed, warmup, failures);
      Map<String, Object> start = sample(server);
      long began = System.nanoTime();
      cycles(loops, http, feed, options.churnCycles() / 2, failures);
      Map<String, Object> half = sample(server);
      cycles(loops, http, feed, options.churnCycles() - options.churnCycles() / 2, failures);
      Map<String, Object> end = sample(server);
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("cycles", options.churnCycles());
      values.put("cycles_per_second", Math.round(options.churnCycles() / ((System.nanoTime() - began) / 1e9)));
      values.put("warmup_cycles", warmup);
      values.put("failures", failures.get());
      values.put("rss_start_mib", start.get("rss_mib"));
      values.put("rss_half_mib", half.get("rss_mib"));
      values.put("rss_end_mib", end.get("rss_mib"));
      values.put("heap_start_mib", start.get("heap_mib"));
      values.put("heap_half_mib", half.get("heap_mib"));
      values.put("heap_end_mib", end.get("heap_mib"));
      results.add(Results.MEMORY, Targets.CHURN, column, values);
      System.out.printf("  memory %s churn: %s%n", column, values);
    } finally {
      loops.shutdownNow();
      callbacks.shutdownNow();
    }
  }

  private static void cycles(ExecutorService loops, HttpClient http, URI feed, int cycles, AtomicLong failures)
      throws Exception {
    AtomicInteger remaining = new AtomicInteger(cycles);
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < CHURN_LOOPS; i++) {
      running.add(loops.submit(() -> {
        while (remaining.getAndDecrement() > 0) {
          if (!cycle(http, feed)) {
            failures.incrementAndGet();
          }
        }
      }));
    }
    for (Future<?> loop : running) {
      loop.get();
    }
  }

  /** Connect, wait for the first frame, close and wait for the server's close; false if any step failed. */
  private static boolean cycle(HttpClient http, URI feed) {
    FeedClient client = new FeedClient(0, () -> null);
    WebSocket socket = null;
    try {
      socket = http.newWebSocketBuilder().buildAsync(feed, client).get(10, TimeUnit.SECONDS);
      client.firstFrame().get(10, TimeUnit.SECONDS);
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
      client.closed().get(10, TimeUnit.SECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      return false;
    } finally {
      if (socket != null && !socket.isInputClosed()) {
        socket.abort();
      }
    }
  }

  private static Map<String, Object> sample(ServerProcess server) {
    Map<String, Object> values = new LinkedHashMap<>();
    long heapKib = server.heapUsedAfterGcKib();
    values.put("rss_mib", Math.round(server.rssKib() / 1024.0));
    values.put("heap_mib", Math.round(heapKib / 1024.0));
    return values;
  }
}
