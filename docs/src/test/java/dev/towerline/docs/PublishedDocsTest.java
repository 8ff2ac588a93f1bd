package dev.towerline.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks the site the build assembled (DocsSite in process-classes, into the classes under
 * META-INF/towerline/docs) against the contract it was built from. Nothing here is a hard-coded list:
 * operations, frames, channels and codes are read from the spec files.
 */
class PublishedDocsTest {
  // Set by surefire in docs/pom.xml; the defaults work when run from the module directory.
  private static final Path SPEC = dir("towerline.spec.dir", "../api-spec");
  private static final Path SITE = dir("towerline.site.dir", "target/classes/META-INF/towerline/docs");
  /** Links that leave the site for routes of the server that serves it at /docs/. */
  private static final Set<String> SERVER_ROUTES = Set.of("/dashboard/");
  /** Where the server serves the Swagger UI WebJar (site-relative). */
  private static final String WEBJAR = "webjars/swagger-ui/";
  private static final Path GUIDES = dir("towerline.guides.dir", "guides");
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
  private static final Pattern LINK =
      Pattern.compile("<(?:a|link)\\b[^>]*\\bhref=\"([^\"]*)\"|<script\\b[^>]*\\bsrc=\"([^\"]*)\"");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void restReferenceIsSwaggerUiOnTheSpecThisServerPublishes() throws IOException {
    String html = read("api/rest.html");
    String script = read("api/rest.js");

    // The operations themselves are drawn in the browser: DocsBrowserTest in server-app checks them.
    assertThat(html).contains("<div id=\"swagger-ui\">", "<script src=\"rest.js\"></script>");
    assertThat(script).contains("url: \"/api/v1/openapi.yaml\"", "validatorUrl: null");
    assertThat(spec("openapi.yaml").path("paths").has("/api/v1/openapi.yaml")).as("the spec URL is a route").isTrue();
  }

  @Test
  void restReferenceFetchesNothingFromTheNetwork() throws IOException {
    String html = read("api/rest.html") + read("api/rest.js");

    assertThat(html).as("rest.html must work offline")
        .doesNotContainPattern("<(script|img|iframe)\\b[^>]*\\bsrc=\"(https?:)?//")
        .doesNotContainPattern("<link\\b[^>]*\\bhref=\"(https?:)?//")
        .doesNotContainPattern("@import\\s+url\\(\\s*['\"]?(https?:)?//");
  }

  @Test
  void changesPageListsWhatChangedFromTheLatestReleaseToTheWorkingContract() throws IOException {
    Path latest;
    try (Stream<Path> releases = Files.list(SPEC.resolve("releases"))) {
      latest = releases.filter(Files::isDirectory)
          .filter(p -> p.getFileName().toString().matches("\\d+\\.\\d+\\.\\d+"))
          .max((a, b) -> compareVersions(a.getFileName().toString(), b.getFileName().toString())).orElseThrow();
    }
    JsonNode released = YAML.readTree(latest.resolve("openapi.yaml").toFile());
    JsonNode working = spec("openapi.yaml");
    List<String> addedPaths = new ArrayList<>();
    working.path("paths").fieldNames().forEachRemaining(path -> {
      if (!released.path("paths").has(path)) {
        addedPaths.add(path);
      }
    });
    String html = read("api/changes.html");

    assertThat(html).contains("<h1>What changed since " + released.path("info").path("version").asText() + "</h1>")
        .contains("→ " + working.path("info").path("version").asText() + " (api-spec)")
        .contains("href=\"../guides/spec-diff.html\"");
    assertThat(addedPaths).as("paths added since the release").isNotEmpty();
    assertThat(addedPaths).as("added paths the page does not list").filteredOn(path -> !html.contains(path)).isEmpty();
    if (!released.path("servers").equals(working.path("servers"))) {
      assertThat(html).contains("<code>openapi.servers-changed</code>");
    }
    assertThat(html).as("the site's stylesheet, no inline style the page policy would refuse")
        .contains("href=\"../style.css\"").doesNotContain("<style");
    assertThat(read("index.html")).contains("href=\"api/changes.html\"");
  }

  private static int compareVersions(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < 3; i++) {
      int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  @Test
  void websocketReferenceListsEveryFrameAndChannel() throws IOException {
    String html = read("api/websocket.html");
    JsonNode asyncApi = spec("asyncapi.yaml");
    List<String> addresses = new ArrayList<>();
    asyncApi.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));
    List<String> frames = new ArrayList<>();
    asyncApi.path("components").path("messages").forEach(message -> frames.add(message.path("name").asText()));

    assertThat(addresses).isNotEmpty().doesNotContain("");
    assertThat(frames).isNotEmpty().doesNotContain("");
    assertThat(addresses).as("channels without a section in websocket.html").filteredOn(address -> !Pattern
        .compile("<section class=\"channel\" id=\"[^\"]+\">\\s*<h3>[^<]*<code>" + Pattern.quote(address) + "</code>")
        .matcher(html).find()).isEmpty();
    assertThat(frames).as("frames without a section in websocket.html").filteredOn(frame -> !Pattern
        .compile("<section class=\"message\" id=\"[^\"]+\">\\s*<h3><code>" + Pattern.quote(frame) + "</code>")
        .matcher(html).find()).isEmpty();
  }

  @Test
  void errorTableListsEveryCodeWithItsStatus() throws IOException {
    Map<String, String> rows = new LinkedHashMap<>();
    Matcher row = Pattern.compile("<tr id=\"([A-Z_]+)\"><td><code>\\1</code></td><td class=\"status\">([^<]*)</td>")
        .matcher(read("api/errors.html"));
    while (row.find()) {
      rows.put(row.group(1), row.group(2));
    }
    JsonNode schema = YAML.readTree(SPEC.resolve("schemas/error-code.json").toFile());

    assertThat(schema.path("enum")).isNotEmpty();
    Map<String, String> wrong = new LinkedHashMap<>();
    for (JsonNode code : schema.path("enum")) {
      JsonNode status = schema.path("x-error-codes").path(code.asText()).path("http_status");
      String shown = rows.getOrDefault(code.asText(), "(no row)");
      boolean right = status.isInt()
          ? shown.equals(status.asText())
          : shown.startsWith("— (") && shown.endsWith(" only)");
      if (!right) {
        wrong.put(code.asText(), "shown as " + shown + ", http_status " + status);
      }
    }
    assertThat(wrong).as("codes missing from errors.html or shown with the wrong status").isEmpty();
    assertThat(rows).as("rows in errors.html").hasSameSizeAs(schema.path("enum"));
    Matcher action = Pattern.compile("<td class=\"action\">([^<]+)").matcher(read("api/errors.html"));
    int actions = 0;
    while (action.find()) {
      actions++;
    }
    assertThat(actions).as("rows with what a client should do").isEqualTo(schema.path("enum").size());
  }

  @Test
  void guidesLinkedFromIndexExist() throws IOException {
    List<String> links = links(read("index.html"));
    List<String> guides;
    try (Stream<Path> files = Files.list(GUIDES)) {
      guides = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".md"))
          .map(n -> "guides/" + n.replaceFirst("\\.md$", ".html")).toList();
    }

    assertThat(guides).isNotEmpty();
    assertThat(links).contains("api/rest.html", "api/websocket.html", "api/errors.html").containsAll(guides);
    for (String link : links) {
      if (SERVER_ROUTES.contains(link) || link.startsWith("data:")) {
        continue;
      }
      assertThat(link).as("index links stay inside the site").doesNotContain("://").doesNotStartWith("/");
      assertThat(SITE.resolve(link.replaceFirst("#.*$", ""))).as("target of %s", link).isRegularFile();
    }
  }

  @Test
  void everyLinkAndScriptResolvesToAFileAndAnchor() throws IOException {
    List<Path> pages;
    try (Stream<Path> files = Files.walk(SITE)) {
      pages = files.filter(f -> f.toString().endsWith(".html")).toList();
    }
    assertThat(pages).hasSizeGreaterThan(4);
    for (Path page : pages) {
      for (String link : links(Files.readString(page))) {
        if (link.contains("://") || link.startsWith("mailto:") || link.startsWith("data:")) {
          continue;
        }
        if (link.startsWith("/")) {
          assertThat(SERVER_ROUTES).as("%s links to the server route %s", SITE.relativize(page), link).contains(link);
          continue;
        }
        String file = link.replaceFirst("#.*$", "");
        Path target = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
        String sitePath = SITE.relativize(target).toString().replace('\\', '/');
        if (sitePath.startsWith(WEBJAR)) {
          assertThat(webJarFile(sitePath.substring(WEBJAR.length())))
              .as("%s loads %s from the Swagger UI WebJar", SITE.relativize(page), link).isNotNull();
          continue;
        }
        assertThat(target).as("%s links to %s", SITE.relativize(page), link).isRegularFile().startsWith(SITE);
        if (link.contains("#") && target.toString().endsWith(".html")) {
          String id = link.substring(link.indexOf('#') + 1);
          assertThat(Files.readString(target).contains("id=\"" + id + "\""))
              .as("%s links to %s, whose target has that id", SITE.relativize(page), link).isTrue();
        }
      }
    }
  }

  /** The html2 {@code <article>} of one operation, or "" when there is none. */
  private static String article(String html, String operationId) {
    Matcher start = Pattern.compile("<article id=\"api-[^\"]*-" + Pattern.quote(operationId) + "-0\"").matcher(html);
    if (!start.find()) {
      return "";
    }
    int end = html.indexOf("</article>", start.end());
    return html.substring(start.start(), end < 0 ? html.length() : end);
  }

  private static List<String> links(String html) {
    List<String> links = new ArrayList<>();
    Matcher m = LINK.matcher(html);
    while (m.find()) {
      links.add((m.group(1) != null ? m.group(1) : m.group(2)).replace("&amp;", "&"));
    }
    return links;
  }

  private static java.net.URL webJarFile(String file) throws IOException {
    java.util.Properties pom = new java.util.Properties();
    try (var in = PublishedDocsTest.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
      assertThat(in).as("the Swagger UI WebJar is a dependency of docs").isNotNull();
      pom.load(in);
    }
    return PublishedDocsTest.class.getResource(
        "/META-INF/resources/webjars/swagger-ui/" + pom.getProperty("version") + "/" + file);
  }

  private static String read(String sitePath) throws IOException {
    Path file = SITE.resolve(sitePath);
    assertThat(file).as("built by mvn process-classes").isRegularFile();
    return Files.readString(file);
  }

  private static Path dir(String property, String fallback) {
    return Path.of(System.getProperty(property, fallback)).toAbsolutePath().normalize();
  }

  private static JsonNode spec(String file) throws IOException {
    return YAML.readTree(SPEC.resolve(file).toFile());
  }
}
