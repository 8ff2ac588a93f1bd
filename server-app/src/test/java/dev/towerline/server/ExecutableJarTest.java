package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.JdkFeedClient;
import dev.towerline.server.testing.ReadmeRunCommand;
import dev.towerline.server.testing.RunningServer;
import dev.towerline.server.testing.ServerProcess;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FR-707: the README's run command. The packaged jar, started as the README says (its JVM options,
 * the heap bound included) with the demo simulator and nothing else configured, serves the
 * simulated rack on its first run, with its heap bounded. Runs in the verify phase, once the jar
 * exists.
 */
class ExecutableJarTest {

  private static final Path JAR = Path.of("target", "server-app.jar");
  private static final int DEMO_DEVICES = 12;

  /** The README's run command bounds the heap: its {@code -Xmx}, in bytes. */
  private static long heapBound() {
    String xmx =
        ReadmeRunCommand.jvmOptions().stream().filter(option -> option.startsWith("-Xmx")).findFirst()
            .orElseThrow(() -> new AssertionError("the README's run command bounds memory with -Xmx"));
    Matcher size = Pattern.compile("-Xmx(\\d+)([kKmMgG]?)").matcher(xmx);
    assertThat(size.matches()).as(xmx).isTrue();
    long unit = switch (size.group(2).toLowerCase(Locale.ROOT)) {
      case "k" -> 1L << 10;
      case "m" -> 1L << 20;
      case "g" -> 1L << 30;
      default -> 1L;
    };
    return Long.parseLong(size.group(1)) * unit;
  }

  /** The largest maximum of a heap memory pool, as the server's own metrics report it. */
  private static long largestHeapPool(ServerProcess server) {
    String metrics = server.send("GET", "/metrics", null).body();
    Matcher pool = Pattern.compile("(?m)^jvm_memory_max_bytes\\{[^}]*area=\"heap\"[^}]*} (\\S+)$").matcher(metrics);
    double largest = 0;
    while (pool.find()) {
      largest = Math.max(largest, Double.parseDouble(pool.group(1)));
    }
    return (long) largest;
  }

  @Test
  void jarServesSimulatedDevicesOnFirstRun(@TempDir Path workingData) throws Exception {
    assertThat(JAR).as("the jar `mvn package` builds").exists();
    try (ServerProcess server =
        ServerProcess.startJar(
            JAR, ReadmeRunCommand.jvmOptions(), Map.of("ADB_SIMULATOR", "demo", "DATA_DIR", workingData.toString()))) {
      server.awaitReady();

      HttpResponse<String> devices =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .build()
              .send(HttpRequest.newBuilder(server.uri("/api/v1/devices?page_size=50")).build(), HttpResponse.BodyHandlers.ofString());

      RunningServer.CONTRACT.checkResponse(devices);
      assertThat(devices.statusCode()).as(server.log()).isEqualTo(200);
      JsonNode page = Envelopes.parse(devices.body());
      assertThat(page.path("data")).as(devices.body()).hasSize(DEMO_DEVICES);
      try (Stream<Path> created = Files.list(workingData)) {
        assertThat(created).as("the embedded database is created in DATA_DIR").isNotEmpty();
      }
      assertThat(largestHeapPool(server)).as("the README's heap bound is in effect").isPositive().isLessThanOrEqualTo(heapBound());
      assertThat(jvmFlags(server))
          .as("an idle server gives back its heap")
          .contains("-XX:G1PeriodicGCInterval=10000", "-XX:MaxHeapFreeRatio=30", "-XX:MinHeapFreeRatio=10");

      try (JdkFeedClient feed = JdkFeedClient.connect(server.webSocketUri("/api/v1/ws/devices"))) {
        feed.next("the snapshot");
        feed.send("{\"type\":\"ping\",\"ts\":\"2026-12-07T10:00:00Z\",\"nonce\":\"first-run\"}");
        feed.until(frame -> "first-run".equals(frame.path("nonce").asText()), "the pong to the client's ping");
      }
      assertThat(warningsAndErrors(server.log()))
          .as("a first run that serves devices and a feed client warns about nothing: a warning at every start"
              + " teaches operators to ignore warnings")
          .isEmpty();
    }
  }

  private static java.util.List<String> warningsAndErrors(String log) {
    return log.lines().filter(line -> line.contains("\"level\":\"WARN\"") || line.contains("\"level\":\"ERROR\"")).toList();
  }

  /** The flags the running server's JVM has now, as {@code jcmd VM.flags} prints them. */
  private static String jvmFlags(ServerProcess server) throws Exception {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process flags =
        new ProcessBuilder(jcmd.toString(), String.valueOf(server.process().pid()), "VM.flags").redirectErrorStream(true).start();
    String printed = new String(flags.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(flags.waitFor()).as(printed).isZero();
    return printed;
  }

  @Test
  void jarCarriesTheDocsSiteSwaggerUiAndTheDashboard() throws Exception {
    assertThat(JAR).as("the jar `mvn package` builds").exists();
    try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(JAR.toFile())) {
      java.util.Properties swaggerUi = new java.util.Properties();
      java.util.zip.ZipEntry pom = jar.getEntry("META-INF/maven/org.webjars/swagger-ui/pom.properties");
      assertThat(pom).as("the Swagger UI WebJar's version, which /docs/webjars/ reads").isNotNull();
      try (var in = jar.getInputStream(pom)) {
        swaggerUi.load(in);
      }
      for (String entry : new String[] {
          "META-INF/towerline/docs/index.html", "META-INF/towerline/docs/api/rest.html",
          "META-INF/towerline/docs/api/websocket.html", "META-INF/towerline/docs/api/errors.html",
          "META-INF/resources/webjars/swagger-ui/" + swaggerUi.getProperty("version") + "/swagger-ui-bundle.js",
          "dashboard/index.html", "dashboard/dashboard.js", "dashboard/feed.js"}) {
        assertThat(jar.getEntry(entry)).as(entry).isNotNull();
      }
    }
  }
}
