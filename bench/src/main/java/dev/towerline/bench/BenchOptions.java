package dev.towerline.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BenchRun's command line. Defaults are the full run; {@code --quick} shrinks every size to try
 * the command in about a minute per jar. Explicit options win over {@code --quick}.
 */
record BenchOptions(
    Map<String, Path> jars, Map<String, Map<String, String>> serverEnv, Path ceilingJar, List<String> phases, List<String> stores, int cellSeconds,
    int warmupSeconds, List<Integer> connections, List<Integer> fanoutClients, String fanoutClient, int fanoutEvents,
    int stormSubscriptions, int idleSockets, int churnCycles, String wrkCpus, int portBase, Path outDir) {

  static final Path DEFAULT_JAR = Path.of("server-app/target/server-app.jar");
  static final int DEFAULT_CELL_SECONDS = 6;
  static final int DEFAULT_WARMUP_SECONDS = 10;
  static final int DEFAULT_PORT_BASE = 18000;

  static final String USAGE = """
      bash bench/run [--quick] [--no-build] [options]
        --jar label=path        server jar under test, repeatable (default current=server-app/target/server-app.jar)
        --env label:NAME=value  an environment variable for that jar's servers, repeatable; one jar may run under
                                two labels with different settings (e.g. --jar w4=x.jar --env w4:WRITE_THREADS=4)
        --phases list           rest,fanout,storm,memory (default all)
        --stores list           h2,postgres (default both; storm and memory run on h2 only)
        --duration seconds      per REST cell (default 6; quick 2)
        --warmup seconds        REST warm-up per server (default 10; quick 2)
        --connections list      REST connections (default 1,10,50)
        --fanout-clients list   fan-out client counts (default 100,1000,2000,5000; quick 20,100)
        --fanout-client kind    raw (one NIO selector thread, default) or jdk (java.net.http.WebSocket), for fan-out
        --events n              device changes per fan-out size (default 30; quick 6)
        --storm-clients n       SDK subscriptions in the storm (default 1000; quick 50)
        --idle-sockets n        idle feed sockets for memory (default 5000; quick 200)
        --churn n               connect/close cycles for memory (default 100000; quick 2000)
        --wrk-cpus list         pin wrk with taskset -c list (default: not pinned)
        --port-base port        ports used: base..base+2 (default 18000)
        --out dir               results folder (default bench/target)
        --ceiling-jar path      the ceiling agent (bench/run passes it)
      """;

  static BenchOptions parse(String[] args) {
    boolean quick = Arrays.asList(args).contains("--quick");
    Map<String, Path> jars = new LinkedHashMap<>();
    Map<String, Map<String, String>> serverEnv = new LinkedHashMap<>();
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--quick")) {
        continue;
      }
      if (!arg.startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --option value, got " + arg + "\n" + USAGE);
      }
      String value = args[++i];
      if (arg.equals("--jar")) {
        int equals = value.indexOf('=');
        if (equals <= 0 || equals == value.length() - 1) {
          throw new IllegalArgumentException("--jar takes label=path, got " + value);
        }
        if (jars.put(value.substring(0, equals), Path.of(value.substring(equals + 1))) != null) {
          throw new IllegalArgumentException("--jar label used twice: " + value.substring(0, equals));
        }
      } else if (arg.equals("--env")) {
        int colon = value.indexOf(':');
        int equals = value.indexOf('=', colon + 1);
        if (colon <= 0 || equals <= colon + 1) {
          throw new IllegalArgumentException("--env takes label:NAME=value, got " + value);
        }
        serverEnv.computeIfAbsent(value.substring(0, colon), label -> new LinkedHashMap<>())
            .put(value.substring(colon + 1, equals), value.substring(equals + 1));
      } else {
        values.put(arg.substring(2), value);
      }
    }
    if (jars.isEmpty()) {
      jars.put("current", DEFAULT_JAR);
    }
    for (String label : serverEnv.keySet()) {
      if (!jars.containsKey(label)) {
        throw new IllegalArgumentException("--env names no --jar label: " + label + " (labels: " + jars.keySet() + ")");
      }
    }
    BenchOptions options = new BenchOptions(jars, serverEnv,
        values.containsKey("ceiling-jar") ? Path.of(values.remove("ceiling-jar")) : null,
        names(values.remove("phases"), Results.PHASES, "phase"),
        names(values.remove("stores"), List.of(Store.H2, Store.POSTGRES), "store"),
        number(values.remove("duration"), quick ? 2 : DEFAULT_CELL_SECONDS, 1, "duration"),
        number(values.remove("warmup"), quick ? 2 : DEFAULT_WARMUP_SECONDS, 0, "warmup"),
        numbers(values.remove("connections"), List.of(1, 10, 50), "connections"),
        numbers(values.remove("fanout-clients"), quick ? List.of(20, 100) : List.of(100, 1000, 2000, 5000), "fanout-clients"),
        fanoutClient(values.remove("fanout-client")),
        number(values.remove("events"), quick ? 6 : 30, 1, "events"),
        number(values.remove("storm-clients"), quick ? 50 : 1000, 1, "storm-clients"),
        number(values.remove("idle-sockets"), quick ? 200 : 5000, 1, "idle-sockets"),
        number(values.remove("churn"), quick ? 2000 : 100_000, 10, "churn"),
        values.remove("wrk-cpus"),
        number(values.remove("port-base"), DEFAULT_PORT_BASE, 1024, "port-base"),
        Path.of(values.getOrDefault("out", "bench/target")));
    values.remove("out");
    if (!values.isEmpty()) {
      throw new IllegalArgumentException("unknown option --" + values.keySet().iterator().next() + "\n" + USAGE);
    }
    return options;
  }

  /** The environment {@code --env} gives the servers of one jar label; empty when none. */
  Map<String, String> serverEnv(String label) {
    return serverEnv.getOrDefault(label, Map.of());
  }

  /** Storm and memory run on one store: H2 when it is chosen, else the first chosen. */
  String singleStore() {
    return stores.contains(Store.H2) ? Store.H2 : stores.get(0);
  }

  int serverPort() {
    return portBase;
  }

  int ceilingPort() {
    return portBase + 1;
  }

  private static List<String> names(String value, List<String> allowed, String what) {
    if (value == null) {
      return allowed;
    }
    List<String> names = new ArrayList<>();
    for (String name : value.split(",")) {
      if (!allowed.contains(name.trim())) {
        throw new IllegalArgumentException("unknown " + what + ": " + name + " (one of " + allowed + ")");
      }
      names.add(name.trim());
    }
    return names;
  }

  private static String fanoutClient(String value) {
    if (value == null) {
      return FanOutClients.RAW;
    }
    if (!FanOutClients.KINDS.contains(value.trim())) {
      throw new IllegalArgumentException("--fanout-client must be one of " + FanOutClients.KINDS + ": " + value);
    }
    return value.trim();
  }

  private static int number(String value, int fallback, int min, String name) {
    if (value == null) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value.trim());
      if (number < min) {
        throw new IllegalArgumentException("--" + name + " must be at least " + min + ": " + value);
      }
      return number;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a whole number: " + value, e);
    }
  }

  private static List<Integer> numbers(String value, List<Integer> fallback, String name) {
    if (value == null) {
      return fallback;
    }
    List<Integer> numbers = new ArrayList<>();
    for (String part : value.split(",")) {
      numbers.add(number(part, 0, 1, name));
    }
    return numbers;
  }
}
