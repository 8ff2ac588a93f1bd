package dev.towerline.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.towerline.adb.simulator.AdbSimulator;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fan-out: clients on {@code /api/v1/ws/devices} grow to each size in turn (those already open
 * stay); at each size, device changes one at a time, each timed from just before the simulator
 * changes the device until every open client has the matching {@code device.updated}.
 */
final class FanOutPhase {
  static final long DELIVERY_TIMEOUT_MILLIS = 10_000;
  private static final long SETTLE_MILLIS = 1_000;
  private static final long GAP_MILLIS = 50;

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

  void run(ServerProcess server, String column) throws InterruptedException {
    URI feed = URI.create(server.baseUrl().replace("http:", "ws:") + "/api/v1/ws/devices");
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    try (FeedClients clients = new FeedClients(feed)) {
      for (int size : options.fanoutClients()) {
        clients.connectUpTo(size);
        Thread.sleep(SETTLE_MILLIS);
        int open = clients.open();
        List<long[]> latencies = new ArrayList<>();
        long missed = 0;
        long clientCpuBefore = os.getProcessCpuTime();
        double serverCpuBefore = server.cpuSeconds();
        for (int event = 0; event < options.fanoutEvents(); event++) {
          String serial = onlineSerials.get((event / 2) % onlineSerials.size());
          boolean goOffline = event % 2 == 0;
          DeliveryProbe probe = new DeliveryProbe(serial, goOffline ? "offline" : "online", clients.tried(), open);
          clients.probe(probe);
          long start = System.nanoTime();
          if (goOffline) {
            simulator.faults().takeOffline(serial);
          } else {
            simulator.faults().bringOnline(serial);
          }
          probe.await(DELIVERY_TIMEOUT_MILLIS);
          clients.probe(null);
          latencies.add(probe.latenciesMicros(start));
          missed += open - probe.received();
          Thread.sleep(GAP_MILLIS);
        }
        double clientCpuMillis = (os.getProcessCpuTime() - clientCpuBefore) / 1e6;
        double serverCpuSeconds = server.cpuSeconds() - serverCpuBefore;
        record(size, clients, open, latencies, missed, clientCpuMillis, serverCpuSeconds, column);
      }
    }
    if (options.fanoutEvents() % 2 != 0) {
      simulator.faults().bringOnline(onlineSerials.get((options.fanoutEvents() / 2) % onlineSerials.size()));
    }
  }

  private void record(int size, FeedClients clients, int open, List<long[]> latencies, long missed,
      double clientCpuMillis, double serverCpuSeconds, String column) {
    long[] all = latencies.stream().flatMapToLong(java.util.Arrays::stream).toArray();
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("clients", size);
    values.put("connected", open);
    values.put("refused", clients.refusals());
    values.put("events", options.fanoutEvents());
    values.put("deliveries", all.length);
    values.put("missed", missed);
    if (all.length > 0) {
      Percentiles percentiles = new Percentiles(all);
      values.put("p50_ms", percentiles.at(50) / 1000.0);
      values.put("p95_ms", percentiles.at(95) / 1000.0);
      values.put("p99_ms", percentiles.at(99) / 1000.0);
      values.put("max_ms", percentiles.max() / 1000.0);
    }
    values.put("client_cpu_ms_per_event", clientCpuMillis / options.fanoutEvents());
    values.put("server_cpu_ms_per_event", serverCpuSeconds * 1000 / options.fanoutEvents());
    results.add(Results.FANOUT, size + " clients", column, values);
    System.out.printf("  fan-out %s %d clients: %s%n", column, size,
        MarkdownReport.cell(results.find(Results.FANOUT, size + " clients", column).orElseThrow()));
  }
}
