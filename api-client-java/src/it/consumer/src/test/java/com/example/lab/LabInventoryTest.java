package com.example.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The SDK as a consumer gets it from its coordinates: it works, it brings no server code, and it
 * brings exactly the dependencies its README lists.
 */
class LabInventoryTest {
  private static final String DEVICE =
      "{\"serial\":\"emulator-5554\",\"state\":\"online\",\"model\":\"Pixel 7\",\"labels\":[\"rack-a\"],"
          + "\"last_seen_at\":\"2026-11-22T10:15:30Z\",\"link\":{\"breaker_state\":\"closed\",\"consecutive_failures\":0}}";
  private static final String DEVICE_LIST =
      "{\"data\":[" + DEVICE + "],\"metadata\":{\"page_size\":50},\"timestamp\":\"2026-11-22T10:15:30Z\"}";
  private static final String NOT_FOUND =
      "{\"error\":{\"code\":\"DEVICE_NOT_FOUND\",\"message\":\"No device with serial 'gone'\",\"details\":{\"serial\":\"gone\"}},"
          + "\"request_id\":\"req-42\"}";
  // `group:artifact` in backticks, as the README writes coordinates.
  private static final Pattern COORDINATES = Pattern.compile("`([a-z0-9.\\-]+):([a-z0-9.\\-]+)`");
  // `   group:artifact:jar:version:scope`, as dependency:list writes them.
  private static final Pattern LISTED = Pattern.compile("^\\s+([^:\\s]+):([^:\\s]+):jar:");

  private HttpServer lab;

  @BeforeEach
  void startLab() throws IOException {
    lab = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    lab.createContext("/api/v1/devices", exchange -> {
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/api/v1/devices")) {
        answer(exchange, 200, DEVICE_LIST);
      } else if (path.equals("/api/v1/devices/emulator-5554")) {
        answer(exchange, 200, DEVICE);
      } else {
        answer(exchange, 404, NOT_FOUND);
      }
    });
    lab.start();
  }

  @AfterEach
  void stopLab() {
    lab.stop(0);
  }

  @Test
  void listsTheLabsDevicesThroughTheSdk() {
    assertEquals("emulator-5554 online Pixel 7" + System.lineSeparator(), inventory());
  }

  @Test
  void anUnknownSerialIsTheSdksTypedNotFound() {
    assertEquals(
        "emulator-5554 online Pixel 7" + System.lineSeparator()
            + "gone not found (DEVICE_NOT_FOUND, request req-42)" + System.lineSeparator(),
        inventory("emulator-5554", "gone"));
  }

  @Test
  void noServerClassIsOnTheClasspath() throws IOException {
    assertThrows(ClassNotFoundException.class, () -> Class.forName("dev.towerline.server.Main"));
    assertTrue(classpath().stream().anyMatch(entry -> entry.contains("api-client-java")), "SDK not on " + classpath());
    for (String entry : classpath()) {
      assertFalse(containsServerClasses(new File(entry)), entry + " holds dev.towerline.server classes");
    }
  }

  @Test
  void theSdkBringsExactlyTheDependenciesItsReadmeLists() throws IOException {
    Set<String> resolved = runtimeDependencies();

    assertTrue(resolved.contains("dev.towerline:api-client-java"), "resolved: " + resolved);
    resolved.remove("dev.towerline:api-client-java");
    assertEquals(readmeDependencies(), resolved);
  }

  @Test
  void theSdkIsInstalledWithSourcesJavadocAndItsPomMetadata() throws Exception {
    Path sdk = installed("api-client-java");
    try (JarFile sources = new JarFile(sdk.resolveSibling(sdk.getFileName().toString().replace(".pom", "-sources.jar")).toFile());
        JarFile javadoc = new JarFile(sdk.resolveSibling(sdk.getFileName().toString().replace(".pom", "-javadoc.jar")).toFile())) {
      assertTrue(sources.getEntry("dev/towerline/client/TowerlineClient.java") != null, "sources jar lacks TowerlineClient.java");
      assertTrue(javadoc.getEntry("dev/towerline/client/TowerlineClient.html") != null, "javadoc jar lacks TowerlineClient.html");
      assertFalse(javadoc.stream().anyMatch(e -> e.getName().startsWith("dev/towerline/client/generated/")),
          "javadoc documents the generated client");
    }
    assertFalse(text(pom(sdk), "/project/description").isBlank(), "api-client-java has no description");
    assertFalse(text(pom(installed("ws-protocol")), "/project/description").isBlank(), "ws-protocol has no description");
    Document parent = pom(installed("towerline-parent"));
    assertEquals("Apache-2.0", text(parent, "/project/licenses/license/name"));
    assertTrue(text(parent, "/project/scm/url").startsWith("https://"), "no scm url");
    assertFalse(text(parent, "/project/organization/name").isBlank(), "no organization");
    assertTrue(text(parent, "/project/url").startsWith("https://"), "no project url");
  }

  private static Path installed(String artifactId) {
    String version = System.getProperty("towerline.version");
    Path pom = Path.of(System.getProperty("consumer.localRepository"), "dev", "towerline", artifactId, version,
        artifactId + "-" + version + ".pom");
    assertTrue(Files.isRegularFile(pom), "not installed: " + pom);
    return pom;
  }

  private static Document pom(Path file) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
  }

  private static String text(Document pom, String path) throws Exception {
    return XPathFactory.newInstance().newXPath().evaluate(path, pom).trim();
  }

  private String inventory(String... serials) {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    String baseUrl = "http://127.0.0.1:" + lab.getAddress().getPort() + "/";
    LabInventory.run(baseUrl, List.of(serials), new PrintStream(printed, true, StandardCharsets.UTF_8));
    return printed.toString(StandardCharsets.UTF_8);
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("X-Request-Id", "req-42");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  /** Surefire runs the tests from a manifest-only jar; the real entries are in this property. */
  private static List<String> classpath() {
    String entries = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return List.of(entries.split(File.pathSeparator));
  }

  private static boolean containsServerClasses(File entry) throws IOException {
    if (entry.isDirectory()) {
      return new File(entry, "dev/towerline/server").exists();
    }
    if (!entry.getName().endsWith(".jar")) {
      return false;
    }
    try (JarFile jar = new JarFile(entry)) {
      return jar.stream().anyMatch(e -> e.getName().startsWith("dev/towerline/server/"));
    }
  }

  private static Set<String> runtimeDependencies() throws IOException {
    try (Stream<String> lines = Files.lines(Path.of(System.getProperty("consumer.runtimeDependencies")))) {
      return lines.map(LISTED::matcher).filter(Matcher::find).map(m -> m.group(1) + ":" + m.group(2))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  /** The coordinates in the README's "Install / dependencies" section, up to the next heading. */
  private static Set<String> readmeDependencies() throws IOException {
    String readme = Files.readString(Path.of(System.getProperty("sdk.readme")));
    int start = readme.indexOf("## Install / dependencies");
    assertTrue(start >= 0, "README has no \"## Install / dependencies\" section");
    int end = readme.indexOf("\n## ", start + 1);
    String section = readme.substring(start, end < 0 ? readme.length() : end);
    Set<String> listed = new TreeSet<>();
    Matcher m = COORDINATES.matcher(section);
    while (m.find()) {
      listed.add(m.group(1) + ":" + m.group(2));
    }
    listed.remove("dev.towerline:api-client-java");
    return listed;
  }
}
