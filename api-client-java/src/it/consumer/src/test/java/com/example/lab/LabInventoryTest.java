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
import org.junit.jupiter.api.Test;

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
