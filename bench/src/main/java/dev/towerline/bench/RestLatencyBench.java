package dev.towerline.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Latency of one REST route under closed-loop load from several workers on loopback: {@code
 * --url http://127.0.0.1:8080 --path /api/v1/devices --requests 20000 --concurrency 8 --warmup 2000}.
 * With {@code --body <json>} it POSTs that body instead, each request with a fresh {@code
 * Idempotency-Key} as the SDK sends it (the create-execution figure). Prints p50/p90/p99/max and
 * throughput; every non-2xx answer is counted and reported.
 */
public final class RestLatencyBench {
  private RestLatencyBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = Options.parse(args);
    URI target = URI.create(options.getOrDefault("url", "http://127.0.0.1:8080") + options.getOrDefault("path", "/api/v1/devices"));
    int requests = Integer.parseInt(options.getOrDefault("requests", "20000"));
    int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "8"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "2000"));
    String body = options.get("body");

    HttpClient client =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    run(client, target, body, warmup, concurrency, new long[warmup], new AtomicInteger());

    long[] micros = new long[requests];
    AtomicInteger failures = new AtomicInteger();
    long started = System.nanoTime();
    run(client, target, body, requests, concurrency, micros, failures);
    double seconds = (System.nanoTime() - started) / 1e9;

    Percentiles p = new Percentiles(micros);
    // A benchmark's report is its standard output.
    PrintStream out = System.out;
    out.printf("%s %s: %d requests, %d workers, %.1f s, %.0f req/s, %d non-2xx%n", body == null ? "GET" : "POST", target, requests, concurrency, seconds, requests / seconds, failures.get());
    out.printf("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f%n", p.at(50) / 1e3, p.at(90) / 1e3, p.at(99) / 1e3, p.max() / 1e3);
  }

  private static void run(
      HttpClient client, URI target, String body, int requests, int concurrency, long[] micros, AtomicInteger failures)
      throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    ExecutorService workers = Executors.newFixedThreadPool(concurrency);
    for (int w = 0; w < concurrency; w++) {
      workers.execute(
          () -> {
            for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
              HttpRequest request = request(target, body);
              long t0 = System.nanoTime();
              try {
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() / 100 != 2) {
                  failures.incrementAndGet();
                }
              } catch (Exception e) {
                failures.incrementAndGet();
              }
              micros[i] = (System.nanoTime() - t0) / 1_000;
            }
          });
    }
    workers.shutdown();
    if (!workers.awaitTermination(30, TimeUnit.MINUTES)) {
      throw new IllegalStateException("benchmark did not finish in 30 minutes");
    }
  }

  private static HttpRequest request(URI target, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10));
    if (body == null) {
      return request.GET().build();
    }
    return request
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }
}
