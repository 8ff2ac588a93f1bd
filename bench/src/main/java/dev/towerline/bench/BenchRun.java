package dev.towerline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.towerline.adb.simulator.AdbSimulator;
import dev.towerline.adb.simulator.DeviceState;
import dev.towerline.adb.simulator.VirtualDevice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one-command benchmark (run by {@code bash bench/run}, see bench/README.md): for every jar
 * and store, a fresh server per phase against an in-process ADB simulator of 50 devices; REST
 * with wrk and the in-JVM ceiling, WebSocket fan-out, a reconnect storm and memory. Writes
 * {@code bench-results.json} and {@code bench-results.md} and prints the Markdown.
 */
public final class BenchRun {
  static final int DEVICES = 50;
  /** Creates at full speed outrun the default queue of 100 per device and would be refused 429 QUEUE_FULL. */
  static final String QUEUE_LIMIT = "100000";

  private final BenchOptions options;
  private final Results results = new Results();
  private final ChildProcesses children = new ChildProcesses();
  private final Http http = new Http();
  private final Path workDir;
  private AdbSimulator simulator;
  private List<String> onlineSerials;

  private BenchRun(BenchOptions options) throws IOException {
    this.options = options;
    Files.createDirectories(options.outDir());
    try (var oldLogs = Files.newDirectoryStream(options.outDir(), "server-*.log")) {
      for (Path log : oldLogs) {
        Files.delete(log);
      }
    }
    this.workDir = Files.createTempDirectory("towerline-bench-");
  }

  public static void main(String[] args) throws Exception {
    if (java.util.Arrays.asList(args).contains("--help")) {
      System.out.print(BenchOptions.USAGE);
      return;
    }
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    for (Map.Entry<String, Path> jar : options.jars().entrySet()) {
      if (!Files.isRegularFile(jar.getValue())) {
        System.err.println("no server jar for " + jar.getKey() + ": " + jar.getValue());
        System.exit(2);
      }
    }
    if ((options.phases().contains(Results.REST) || options.phases().contains(Results.FANOUT))
        && (options.ceilingJar() == null || !Files.isRegularFile(options.ceilingJar()))) {
      System.err.println("the REST and fan-out phases need the ceiling agent jar (--ceiling-jar), got " + options.ceilingJar());
      System.exit(2);
    }
    new BenchRun(options).run();
  }

  private void run() throws Exception {
    long started = System.nanoTime();
    startedNanos = started;
    describe();
    simulator = AdbSimulator.demo(DEVICES).start();
    onlineSerials = simulator.devices().stream().filter(device -> device.state() == DeviceState.DEVICE)
        .map(VirtualDevice::serial).toList();
    try {
      for (Map.Entry<String, Path> jar : options.jars().entrySet()) {
        runJar(jar.getKey(), jar.getValue());
      }
    } finally {
      children.stopAll();
      simulator.stop();
      results.describeRun("load average at the end", loadAverage());
      results.describeRun("wall time", String.format(Locale.ROOT, "%.1f min", (System.nanoTime() - started) / 6e10));
      write();
    }
  }

  private long startedNanos;

  private void progress(String phase, String column) {
    System.out.printf(Locale.ROOT, "%s %s (%.1f min)%n", phase, column, (System.nanoTime() - startedNanos) / 6e10);
  }

  private void runJar(String label, Path jar) throws Exception {
    for (String store : options.stores()) {
      String column = Results.column(label, store);
      if (options.phases().contains(Results.REST)) {
        progress("REST", column);
        withServer(label, jar, store, true, column + "-rest", server -> new RestPhase(
            new Wrk(workDir, options.wrkCpus()), http, onlineSerials, options, results).run(server, column));
      }
      if (options.phases().contains(Results.FANOUT)) {
        progress("fan-out", column);
        withServer(label, jar, store, true, column + "-fanout", server -> new FanOutPhase(simulator, onlineSerials, options, results)
            .run(server, http, "http://127.0.0.1:" + options.ceilingPort(), column));
      }
    }
    String store = options.singleStore();
    String column = Results.column(label, store);
    if (options.phases().contains(Results.STORM)) {
      progress("storm", column);
      try (Store data = Store.create(store, workDir)) {
        Map<String, String> env = environment(label, data, false);
        Path log = log(column + "-storm");
        Supplier<ServerProcess> start = () -> ServerProcess.start(jar, null, 0, options.serverPort(), env, log, children, http);
        ServerProcess restarted = new StormPhase(simulator, onlineSerials, options, results).run(start.get(), start, column);
        restarted.stop();
      }
    }
    if (options.phases().contains(Results.MEMORY)) {
      progress("memory", column);
      withServer(label, jar, store, false, column + "-memory", server -> new MemoryPhase(options, results).run(server, column));
    }
  }

  private interface Phase {
    void run(ServerProcess server) throws Exception;
  }

  private void withServer(String label, Path jar, String storeName, boolean ceiling, String name, Phase phase) throws Exception {
    try (Store store = Store.create(storeName, workDir)) {
      ServerProcess server = ServerProcess.start(jar, ceiling ? options.ceilingJar() : null, options.ceilingPort(),
          options.serverPort(), environment(label, store, name.endsWith("-rest")), log(name), children, http);
      try {
        phase.run(server);
      } finally {
        server.stop();
      }
    }
  }

  private Map<String, String> environment(String label, Store store, boolean rest) {
    Map<String, String> env = new HashMap<>(store.environment());
    env.put("ADB_SERVER", "127.0.0.1:" + simulator.port());
    if (rest) {
      env.put("EXECUTION_QUEUE_LIMIT", QUEUE_LIMIT);
    }
    env.putAll(options.serverEnv(label));
    return env;
  }

  private Path log(String name) {
    return options.outDir().resolve("server-" + name.replace('/', '-') + ".log");
  }

  private void describe() {
    results.describeRun("started", Instant.now().toString());
    results.describeRun("machine", Runtime.getRuntime().availableProcessors() + " cores, load average at the start " + loadAverage());
    Map<String, String> jars = new LinkedHashMap<>();
    options.jars().forEach((label, path) -> jars.put(label, path.toString()));
    results.describeRun("jars", jars);
    options.jars().keySet().stream().filter(label -> !options.serverEnv(label).isEmpty())
        .forEach(label -> results.note("Jar " + label + " runs with " + options.serverEnv(label) + " (--env)."));
    results.describeRun("phases", String.join(",", options.phases()) + " on " + String.join(",", options.stores())
        + " (storm and memory on " + options.singleStore() + ")");
    results.note("Server: `java " + ServerProcess.HEAP + " -jar <jar>` with default settings apart from PORT="
        + options.serverPort() + ", ADB_SERVER (an AdbSimulator.demo(" + DEVICES + ") in the bench's JVM) and a fresh store per phase:"
        + " DATA_DIR a new temporary folder (h2), or DATABASE_URL=" + Store.POSTGRES_URL + "?currentSchema=bench_<time>_<random>"
        + " and DATABASE_USER=" + Store.POSTGRES_USER + " (postgres; the schema is created before and dropped after).");
    results.note("REST only: EXECUTION_QUEUE_LIMIT=" + QUEUE_LIMIT + ", because creates at full speed would otherwise be refused"
        + " 429 QUEUE_FULL once 100 wait on one device; and -javaagent:bench-ceiling.jar=" + options.ceilingPort()
        + ", the ceiling: a bare Grizzly HttpHandler in the server's JVM serving the bytes the server answered.");
    results.note("REST cells: " + options.cellSeconds() + " s each after a warm-up at 50 connections, in rounds of every request for "
        + options.warmupSeconds() + " s, repeated until the server's JIT compilers used ≤ " + Math.round(JitWarmUp.QUIET_SHARE_OF_A_CORE * 100)
        + " % of a core in a round (at most " + RestPhase.MAX_WARMUP_ROUNDS * options.warmupSeconds() + " s; the \"warm-up\" row);"
        + " the 2 cores are shared: wrk -t1 up to " + Wrk.ONE_THREAD_UP_TO_CONNECTIONS + " connections and -t2 above, "
        + (options.wrkCpus() == null ? "nothing pinned" : "wrk pinned by taskset -c " + options.wrkCpus())
        + "; wrk's and the server's CPU seconds per cell are in each cell. wrk counts answers ≥ 400 (shown) and socket errors.");
    results.note("Fan-out clients (--fanout-client " + options.fanoutClient() + "): " + (options.fanoutClient().equals(FanOutClients.RAW)
        ? "the bench's own RFC 6455 client on one NIO selector thread for all connections (RawFeedClients): one shared read"
            + " buffer, the arrival time taken right after the read that completed the frame, a frame matched on its bytes where"
            + " it lies, no copy or allocation per frame"
        : "the JDK's java.net.http.WebSocket, one HttpClient (a selector thread and 2 callback threads) per "
            + FeedClients.CLIENTS_PER_HTTP_CLIENT + " clients")
        + "; a frame is matched by substring checks (serial, state, device.updated), no JSON parse; latency = arrival −"
        + " System.nanoTime() just before the simulator changes the device;"
        + " the clients' cost is the bench JVM's CPU time (simulator included) per event, of that the client threads' own"
        + " (client_threads_* in the JSON), and the same clients on the ceiling's"
        + " bare Tyrus endpoint in the server's JVM (a device.updated-shaped frame broadcast on an HTTP trigger, timed from"
        + " just before that request; no connection limit there). WS_MAX_CONNECTIONS is left at the jar's default."
        + " Before each size, untimed changes in rounds of 10 until the JIT compilers of the server's and the bench's JVMs"
        + " used ≤ " + Math.round(JitWarmUp.QUIET_SHARE_OF_A_CORE * 100) + " % of a core in a round (warmup_* in the JSON)."
        + " Memory clients: the JDK's java.net.http.WebSocket.");
    results.note("Storm: " + options.stormSubscriptions() + " TowerlineClient.watchDevices subscriptions, a device change every "
        + StormPhase.CHANGE_EVERY_MILLIS + " ms, SIGTERM, the same jar restarted on the same port and data;"
        + " missed = seqs of GET /api/v1/events?feed=devices after a subscription's snapshot that it did not receive.");
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private void write() throws IOException {
    List<Targets.Check> checks = Targets.evaluate(results);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("run", results.run());
    json.put("notes", results.notes());
    json.put("rows", results.rows());
    json.put("targets", checks);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(options.outDir().resolve("bench-results.json").toFile(), json);
    String markdown = MarkdownReport.render(results, checks);
    Files.writeString(options.outDir().resolve("bench-results.md"), markdown);
    System.out.println();
    System.out.println(markdown);
  }
}
