package dev.towerline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * REST with wrk at each connection count: list devices, get device, get execution, create
 * execution, {@code /health}, and the ceiling serving the same bytes as list devices and
 * {@code /health}, measured right before them so each ratio compares neighbouring cells.
 */
final class RestPhase {
  static final String LIST_PATH = "/api/v1/devices?page_size=50";
  static final String HEALTH_PATH = "/health";
  static final String CREATE_BODY = "{\"device_serial\":\"%s\",\"command\":\"true\",\"timeout_seconds\":30}";
  static final String WARM_UP = "warm-up";
  /** The warm-up stops after this many times {@code --warmup} seconds even if the JIT still compiles. */
  static final int MAX_WARMUP_ROUNDS = 12;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Wrk wrk;
  private final Http http;
  private final List<String> onlineSerials;
  private final BenchOptions options;
  private final Results results;

  RestPhase(Wrk wrk, Http http, List<String> onlineSerials, BenchOptions options, Results results) {
    this.wrk = wrk;
    this.http = http;
    this.onlineSerials = onlineSerials;
    this.options = options;
    this.results = results;
  }

  void run(ServerProcess server, String column) {
    String base = server.baseUrl();
    String ceiling = "http://127.0.0.1:" + options.ceilingPort();
    uploadToCeiling(base, ceiling, LIST_PATH);
    uploadToCeiling(base, ceiling, HEALTH_PATH);
    String executionPath = "/api/v1/executions/" + createExecution(base);
    String devicePath = "/api/v1/devices/" + onlineSerials.get(0);

    int warmup = Math.max(1, options.warmupSeconds() / 5);
    JitWarmUp.Outcome warmedUp = new JitWarmUp(List.of(server.pid()), options.warmupSeconds() * MAX_WARMUP_ROUNDS).run(() -> {
      wrk.get(base + LIST_PATH, 50, warmup);
      wrk.get(base + devicePath, 50, warmup);
      wrk.get(base + executionPath, 50, warmup);
      wrk.post(base + "/api/v1/executions", CREATE_BODY, onlineSerials, 50, warmup);
      awaitNoUnfinishedExecutions(base, column);
      wrk.get(base + HEALTH_PATH, 50, warmup);
      wrk.get(ceiling + LIST_PATH, 50, 1);
      wrk.get(ceiling + HEALTH_PATH, 50, 1);
    });
    results.add(Results.REST, WARM_UP, column, warmedUp.values());
    System.out.printf("  rest %s warm-up: %s%n", column, warmedUp.describe());

    for (int connections : options.connections()) {
      Wrk.Run listCeiling = measure(server, "ceiling: list devices bytes", column, connections, null,
          () -> wrk.get(ceiling + LIST_PATH, connections, options.cellSeconds()));
      measure(server, "list devices", column, connections, listCeiling,
          () -> wrk.get(base + LIST_PATH, connections, options.cellSeconds()));
      Wrk.Run healthCeiling = measure(server, "ceiling: /health bytes", column, connections, null,
          () -> wrk.get(ceiling + HEALTH_PATH, connections, options.cellSeconds()));
      measure(server, "/health", column, connections, healthCeiling,
          () -> wrk.get(base + HEALTH_PATH, connections, options.cellSeconds()));
      measure(server, "get device", column, connections, null,
          () -> wrk.get(base + devicePath, connections, options.cellSeconds()));
      measure(server, "get execution", column, connections, null,
          () -> wrk.get(base + executionPath, connections, options.cellSeconds()));
      measure(server, "create execution", column, connections, null,
          () -> wrk.post(base + "/api/v1/executions", CREATE_BODY, onlineSerials, connections, options.cellSeconds()));
      awaitNoUnfinishedExecutions(base, column);
    }
  }

  /**
   * Lets the executions the creates queued run to their end before the next cell: otherwise every
   * later cell shares the cores with thousands of runs, their status writes and feed events.
   */
  private void awaitNoUnfinishedExecutions(String base, String column) {
    long start = System.nanoTime();
    long deadline = start + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < deadline) {
      if (noExecutionWith(base, "queued") && noExecutionWith(base, "running")) {
        System.out.printf("  rest %s: queued executions ran out in %.1f s%n", column, (System.nanoTime() - start) / 1e9);
        return;
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    System.out.printf("  rest %s: executions still queued after 3 min; the next cells share the cores with them%n", column);
  }

  private boolean noExecutionWith(String base, String status) {
    HttpResponse<byte[]> page = http.get(base + "/api/v1/executions?page_size=1&status=" + status);
    return page.statusCode() == 200
        && new String(page.body(), java.nio.charset.StandardCharsets.UTF_8).contains("\"data\":[]");
  }

  private Wrk.Run measure(ServerProcess server, String request, String column, int connections, Wrk.Run ceiling,
      java.util.function.Supplier<Wrk.Run> cell) {
    double serverCpuBefore = server.cpuSeconds();
    Wrk.Run run = cell.get();
    double serverCpu = server.cpuSeconds() - serverCpuBefore;
    results.add(Results.REST, request + " @ " + connections, column, values(run, serverCpu, connections, ceiling));
    System.out.printf("  rest %s %s @ %d: %s%n", column, request, connections,
        MarkdownReport.cell(results.find(Results.REST, request + " @ " + connections, column).orElseThrow()));
    return run;
  }

  static Map<String, Object> values(Wrk.Run run, double serverCpuSeconds, int connections, Wrk.Run ceiling) {
    WrkResult result = run.result();
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("connections", connections);
    values.put("wrk_threads", Wrk.threadsFor(connections));
    values.put("requests", result.requests());
    values.put("requests_per_second", result.requestsPerSecond());
    values.put("p50_ms", result.p50Micros() / 1000.0);
    values.put("p95_ms", result.p95Micros() / 1000.0);
    values.put("p99_ms", result.p99Micros() / 1000.0);
    values.put("max_ms", result.maxMicros() / 1000.0);
    values.put("status_4xx_5xx", result.errorStatuses());
    values.put("socket_errors", result.socketErrors());
    if (ceiling != null && ceiling.result().requestsPerSecond() > 0) {
      values.put("ceiling_ratio", result.requestsPerSecond() / ceiling.result().requestsPerSecond());
    }
    values.put("wrk_cpu_s", run.cpuSeconds());
    values.put("server_cpu_s", serverCpuSeconds);
    return values;
  }

  private void uploadToCeiling(String base, String ceiling, String path) {
    HttpResponse<byte[]> real = http.get(base + path);
    if (real.statusCode() != 200) {
      throw new IllegalStateException("GET " + path + " answered " + real.statusCode());
    }
    String type = real.headers().firstValue("Content-Type").orElse("application/json");
    HttpResponse<byte[]> upload = http.put(ceiling + "/__ceiling/body?path="
        + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8), real.body(), type);
    if (upload.statusCode() != 204) {
      throw new IllegalStateException("the ceiling refused the upload of " + path + ": " + upload.statusCode());
    }
  }

  private String createExecution(String base) {
    HttpResponse<byte[]> created = http.postJson(base + "/api/v1/executions", String.format(CREATE_BODY, onlineSerials.get(0)));
    if (created.statusCode() != 201) {
      throw new IllegalStateException("create execution answered " + created.statusCode() + ": " + new String(created.body()));
    }
    try {
      return JSON.readTree(created.body()).path("id").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
