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
 * Checks the site the build assembled in target/site (html2 in generate-resources, DocsSite in
 * process-classes) against the contract it was built from. Nothing here is a hard-coded list:
 * operations, frames, channels and codes are read from the spec files.
 */
class PublishedDocsTest {
  // Set by surefire in docs/pom.xml; the defaults work when run from the module directory.
  private static final Path SPEC = dir("towerline.spec.dir", "../api-spec");
  private static final Path SITE = dir("towerline.site.dir", "target/site");
  private static final Path GUIDES = dir("towerline.guides.dir", "guides");
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
  private static final Pattern LINK = Pattern.compile("<(?:a|link)\\b[^>]*\\bhref=\"([^\"]*)\"");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void restReferenceListsEveryOperation() throws IOException {
    String html = read("api/rest.html");
    List<String> operations = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    spec("openapi.yaml").path("paths").properties().forEach(path -> path.getValue().properties()
        .forEach(op -> {
          if (METHODS.contains(op.getKey())) {
            String operationId = op.getValue().path("operationId").asText();
            operations.add(operationId);
            // html2 writes one <article> per operation, showing its method and path.
            String methodAndPath =
                "data-type=\"" + op.getKey() + "\"><code><span class=\"pln\">" + path.getKey() + "</span>";
            if (!article(html, operationId).contains(methodAndPath)) {
              missing.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey() + " (" + operationId + ")");
            }
          }
        }));

    assertThat(operations).isNotEmpty().doesNotContain("");
    assertThat(missing).as("operations without their method and path in rest.html").isEmpty();
  }

  @Test
  void restReferenceFetchesNothingFromTheNetwork() throws IOException {
    String html = read("api/rest.html");

    assertThat(html).as("rest.html must work offline")
        .doesNotContainPattern("<(script|img|iframe)\\b[^>]*\\bsrc=\"(https?:)?//")
        .doesNotContainPattern("<link\\b[^>]*\\bhref=\"(https?:)?//")
        .doesNotContainPattern("@import\\s+url\\(\\s*['\"]?(https?:)?//");
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
      assertThat(link).as("index links stay inside the site").doesNotContain("://").doesNotStartWith("/");
      assertThat(SITE.resolve(link.replaceFirst("#.*$", ""))).as("target of %s", link).isRegularFile();
    }
  }

  @Test
  void everyLinkBetweenHandWrittenPagesResolvesToAFileAndAnchor() throws IOException {
    List<Path> pages;
    try (Stream<Path> files = Files.walk(SITE)) {
      // rest.html is html2's own page; its internal links are the generator's business.
      pages = files.filter(f -> f.toString().endsWith(".html") && !f.endsWith(Path.of("api", "rest.html"))).toList();
    }
    assertThat(pages).hasSizeGreaterThan(4);
    for (Path page : pages) {
      for (String link : links(Files.readString(page))) {
        if (link.contains("://") || link.startsWith("mailto:")) {
          continue;
        }
        String file = link.replaceFirst("#.*$", "");
        Path target = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
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
      links.add(m.group(1).replace("&amp;", "&"));
    }
    return links;
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
