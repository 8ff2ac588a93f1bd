package dev.towerline.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.towerline.adb.simulator.AdbSimulator;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fan-out: clients on {@code /api/v1/ws/devices} grow to each size in turn (those already open
 * stay); at each size, device changes one at a time, each timed from just before the simulator
 * changes the device until every open client has the matching {@code device.updated}. Then the
 * same number of the same clients on the ceiling's bare Tyrus endpoint in the server's JVM, timed
 * from just before the HTTP request that makes it broadcast a frame of the same shape: what the
 * clients and the stack cost without the server's own work.
 */
final class FanOutPhase {
  static final long DELIVERY_TIMEOUT_MILLIS = 10_000;
  private static final long SETTLE_MILLIS = 1_000;
  private static final long GAP_MILLIS = 50;
  /** Untimed changes per warm-up round (even, see {@link #events}). */
  private static final int WARMUP_CHANGES_PER_ROUND = 10;
  private static final double MAX_WARMUP_SECONDS = 90;

  private final AdbSimulator simulator;
  private final List<String> onlineSerials;
  private final BenchOptions options;
  private final Results results;

  FanOutPhase(AdbSimulator simulator, List<String> onlineSerials, BenchOptions options, Results results) {
    this.simulator = simulator;
    this.onlineSerials = onlineSerials;
    this.options = options;
    this.results = results;
  }

  /** One timed change: the device takes the state (in the simulator, or as the ceiling's broadcast). */
  private interface Trigger {
    void fire(String serial, String state);
  }

  void run(ServerProcess server, Http http, String ceilingBaseUrl, String column) throws InterruptedException {
    URI feed = URI.create(server.baseUrl().replace("http:", "ws:") + "/api/v1/ws/devices");
    URI ceilingFeed = URI.create(ceilingBaseUrl.replace("http:", "ws:") + "/ws/feed");
    Map<String, String> frames = ceilingFrames(http, server.baseUrl());
    JitWarmUp jit = new JitWarmUp(List.of(server.pid(), ProcessHandle.current().pid()), MAX_WARMUP_SECONDS);
    Trigger deviceChange = (serial, state) -> {
      if (state.equals("offline")) {
        simulator.faults().takeOffline(serial);
      } else {
        simulator.faults().bringOnline(serial);
      }
    };
    Trigger broadcast = (serial, state) -> http.postText(ceilingBaseUrl + "/__ceiling/broadcast", frames.get(serial + " " + state));
    try (FanOutClients clients = FanOutClients.of(options.fanoutClient(), feed)) {
      for (int size : options.fanoutClients()) {
        clients.connectUpTo(size);
        JitWarmUp.Outcome warmedUp = warmUp(jit, clients, size + " clients", column, deviceChange);
        measure(server, clients, size, size + " clients", column, deviceChange, warmedUp);
        try (FanOutClients ceilingClients = FanOutClients.of(options.fanoutClient(), ceilingFeed)) {
          ceilingClients.connectUpTo(size);
          JitWarmUp.Outcome ceilingWarmedUp = warmUp(jit, ceilingClients, "ceiling: " + size + " clients", column, broadcast);
          measure(server, ceilingClients, size, "ceiling: " + size + " clients", column, broadcast, ceilingWarmedUp);
        }
      }
    }
  }

  /**
   * Untimed changes, a round at a time, until neither JVM's JIT still compiles: the server starts
   * fresh for this phase, and the first changes would otherwise time the compiler.
   */
  private JitWarmUp.Outcome warmUp(JitWarmUp jit, FanOutClients clients, String item, String column, Trigger trigger) {
    int changes = Math.min(WARMUP_CHANGES_PER_ROUND, events());
    JitWarmUp.Outcome outcome = jit.run(() -> {
      try {
        Thread.sleep(SETTLE_MILLIS);
        changes(clients, clients.open(), changes, trigger);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted during the warm-up", e);
      }
    });
    System.out.printf("  fan-out %s %s warm-up: %s%n", column, item, outcome.describe());
    return outcome;
  }

  /** The frames the ceiling broadcasts, by "serial state": device.updated as the server sends it, built before timing. */
  private Map<String, String> ceilingFrames(Http http, String baseUrl) {
    Map<String, String> frames = new HashMap<>();
    for (int event = 0; event < events(); event += 2) {
      String serial = onlineSerials.get((event / 2) % onlineSerials.size());
      String device = new String(http.get(baseUrl + "/api/v1/devices/" + serial).body(), StandardCharsets.UTF_8);
      for (String state : List.of("offline", "online")) {
        frames.put(serial + " " + state, "{\"type\":\"device.updated\",\"seq\":" + (event + 1) + ",\"ts\":\""
            + Instant.now() + "\",\"device\":" + device.replaceFirst("\"state\":\"[a-z]+\"", "\"state\":\"" + state + "\"") + "}");
      }
    }
    return frames;
  }

  private void measure(ServerProcess server, FanOutClients clients, int size, String item, String column, Trigger trigger,
      JitWarmUp.Outcome warmedUp) throws InterruptedException {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Thread.sleep(SETTLE_MILLIS);
    int open = clients.open();
    long clientCpuBefore = os.getProcessCpuTime();
    long clientThreadsCpuBefore = clients.threadsCpuNanos();
    double serverCpuBefore = server.cpuSeconds();
    Deliveries deliveries = changes(clients, open, events(), trigger);
    double clientCpuMillis = (os.getProcessCpuTime() - clientCpuBefore) / 1e6;
    double clientThreadsCpuMillis = (clients.threadsCpuNanos() - clientThreadsCpuBefore) / 1e6;
    double serverCpuSeconds = server.cpuSeconds() - serverCpuBefore;
    Map<String, Object> values = values(options.fanoutClient(), size, events(), clients, open, deliveries, clientCpuMillis,
        clientThreadsCpuMillis, serverCpuSeconds);
    values.putAll(warmedUp.values());
    results.add(Results.FANOUT, item, column, values);
    System.out.printf("  fan-out %s %s: %s%n", column, item, MarkdownReport.cell(results.find(Results.FANOUT, item, column).orElseThrow()));
  }

  private record Deliveries(List<long[]> latencies, long missed) {}

  /** {@code count} changes, one at a time, each awaited by every open client (or for at most 10 s). */
  private Deliveries changes(FanOutClients clients, int open, int count, Trigger trigger) throws InterruptedException {
    List<long[]> latencies = new ArrayList<>();
    long missed = 0;
    for (int event = 0; event < count; event++) {
      String serial = onlineSerials.get((event / 2) % onlineSerials.size());
      String state = event % 2 == 0 ? "offline" : "online";
      DeliveryProbe probe = new DeliveryProbe(serial, state, clients.tried(), open);
      clients.probe(probe);
      long start = System.nanoTime();
      trigger.fire(serial, state);
      probe.await(DELIVERY_TIMEOUT_MILLIS);
      clients.probe(null);
      latencies.add(probe.latenciesMicros(start));
      missed += open - probe.received();
      Thread.sleep(GAP_MILLIS);
    }
    return new Deliveries(latencies, missed);
  }

  /** Changes per size: an even number, so every device changed goes offline and comes back online. */
  private int events() {
    return options.fanoutEvents() + options.fanoutEvents() % 2;
  }

  private static Map<String, Object> values(String kind, int size, int events, FanOutClients clients, int open, Deliveries deliveries,
      double clientCpuMillis, double clientThreadsCpuMillis, double serverCpuSeconds) {
    long[] all = deliveries.latencies().stream().flatMapToLong(java.util.Arrays::stream).toArray();
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("clients", size);
    values.put("client", kind);
    values.put("connected", open);
    values.put("refused", clients.refusals());
    values.put("events", events);
    values.put("deliveries", all.length);
    values.put("missed", deliveries.missed());
    if (all.length > 0) {
      Percentiles percentiles = new Percentiles(all);
      values.put("p50_ms", percentiles.at(50) / 1000.0);
      values.put("p95_ms", percentiles.at(95) / 1000.0);
      values.put("p99_ms", percentiles.at(99) / 1000.0);
      values.put("max_ms", percentiles.max() / 1000.0);
    }
    values.put("client_cpu_ms_per_event", clientCpuMillis / events);
    values.put("client_threads_cpu_ms_per_event", clientThreadsCpuMillis / events);
    if (all.length > 0) {
      values.put("client_threads_cpu_us_per_frame", clientThreadsCpuMillis * 1000 / all.length);
    }
    values.put("server_cpu_ms_per_event", serverCpuSeconds * 1000 / events);
    return values;
  }
}
