package dev.towerline.server.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.towerline.server.testing.RunningServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The docs site as a reader's browser gets it from the running server: every page renders what
 * the contract the server publishes says, links resolve, the REST console calls this server, and
 * nothing any page loads comes from another host. Expected operations, frames and codes are
 * read from the server's own /api/v1 contract documents, never listed here.
 */
class DocsBrowserTest {
  private static final Duration RENDERED = Duration.ofSeconds(20);
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @RegisterExtension static final RunningServer server = new RunningServer();

  private static HeadlessChromium browser;

  @BeforeAll
  static void startBrowser() {
    browser = new HeadlessChromium();
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void everyDocsPageLoadsOnlyFromThisServerAndEveryInternalLinkResolves() throws Exception {
    browser.requestedUrls(); // forget what earlier tests loaded
    Set<URI> pages = new LinkedHashSet<>(List.of(server.uri("/docs/")));
    browser.open(server.uri("/docs/"));
    for (WebElement link : browser.all("main a[href]")) {
      URI target = URI.create(link.getAttribute("href"));
      if (sameServer(target) && target.getPath().startsWith("/docs/")) {
        pages.add(withoutFragment(target));
      }
    }
    assertThat(pages).as("index links to the reference pages and guides").hasSizeGreaterThan(6);

    Map<URI, Set<URI>> links = new LinkedHashMap<>();
    for (URI page : pages) {
      browser.open(page);
      if (page.getPath().endsWith("/rest.html")) {
        await("Swagger UI drawn").atMost(RENDERED).until(() -> !browser.all(".opblock").isEmpty());
      }
      browser.screenshot("docs-page-" + page.getPath().replaceFirst("^/docs/", "").replaceFirst("\\.html$", "")
          .replaceAll("[^A-Za-z0-9]+", "-").replaceFirst("^$", "index"));
      Set<URI> found = new LinkedHashSet<>();
      // Resolved by the browser; only links to this server are followed (the spec's license link is not).
      browser.all("a[href]").stream().map(a -> a.getAttribute("href"))
          .filter(href -> href.startsWith(server.uri("/").toString()))
          .forEach(href -> found.add(URI.create(href)));
      links.put(page, found);
    }

    List<String> requested = browser.requestedUrls();
    assertThat(requested).as("requests the docs pages made").hasSizeGreaterThan(pages.size());
    assertThat(requested).as("requests that left this server").filteredOn(url -> !sameServer(URI.create(url))).isEmpty();
    assertThat(browser.consoleErrors()).as("errors in the browser console").isEmpty();

    List<String> broken = new ArrayList<>();
    for (Map.Entry<URI, Set<URI>> page : links.entrySet()) {
      for (URI link : page.getValue()) {
        if (sameServer(link) && !resolves(link)) {
          broken.add(page.getKey().getPath() + " → " + link);
        }
      }
    }
    assertThat(broken).as("internal links that do not resolve to a page and anchor").isEmpty();
  }

  @Test
  void restReferenceListsEveryOperationOfThePublishedSpec() throws IOException {
    Set<String> expected = new TreeSet<>();
    contract("/api/v1/openapi.yaml").path("paths").forEach(path -> path.properties().forEach(op -> {
      if (METHODS.contains(op.getKey())) {
        expected.add(op.getValue().path("operationId").asText());
      }
    }));
    assertThat(expected).hasSizeGreaterThan(10);

    browser.open(server.uri("/docs/api/rest.html"));

    await("every operation drawn").atMost(RENDERED).untilAsserted(() -> assertThat(shownOperationIds()).isEqualTo(expected));
    assertThat(browser.all(".swagger-ui .topbar")).as("no URL bar to load other specs").isEmpty();
    assertThat(browser.all("img[src*='validator']")).as("no validator badge").isEmpty();
    browser.screenshot("docs-rest");
  }

  @Test
  void restReferenceFilterFindsOperationsByOperationIdAndByFieldName() {
    browser.open(server.uri("/docs/api/rest.html"));
    await().atMost(RENDERED).until(() -> shownOperationIds().size() > 10);
    int all = shownOperationIds().size();

    // An operationId, which Swagger UI's own filter (tags only) would not find.
    filter("getExecutionOutput");
    await().atMost(RENDERED).untilAsserted(() -> assertThat(shownOperationIds())
        .contains("getExecutionOutput").doesNotContain("listDevices").hasSizeLessThan(all));

    // A field of a request schema (CreateExecutionRequest), not a tag, path or operationId.
    filter("timeout_seconds");
    await().atMost(RENDERED).untilAsserted(() -> assertThat(shownOperationIds())
        .contains("createExecution").doesNotContain("listDevices", "getLiveness"));
  }

  @Test
  void tryItOutCallsListDevicesOnThisServer() {
    browser.open(server.uri("/docs/api/rest.html"));
    await("operation drawn").atMost(RENDERED)
        .until(() -> !browser.all("#operations-devices-listDevices .opblock-summary-control").isEmpty());
    browser.one("#operations-devices-listDevices .opblock-summary-control").click();
    browser.requestedUrls();

    await("console open").atMost(RENDERED)
        .until(() -> !browser.all("#operations-devices-listDevices button.execute").isEmpty());
    // The console starts from the spec's examples (filters, a page token of another server): clear them.
    for (WebElement input : browser.all("#operations-devices-listDevices .parameters input[type='text']")) {
      input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    }
    for (WebElement select : browser.all("#operations-devices-listDevices .parameters select")) {
      new Select(select).selectByIndex(0);
    }
    browser.one("#operations-devices-listDevices button.execute").click();

    List<String> sent = new ArrayList<>();
    await("live response").atMost(RENDERED).untilAsserted(() -> {
      sent.addAll(browser.requestedUrls());
      assertThat(browser.text("#operations-devices-listDevices .live-responses-table tbody .response-col_status"))
          .as(() -> "requests " + sent + "; operation shows: " + browser.text("#operations-devices-listDevices"))
          .isEqualTo("200");
    });
    assertThat(browser.text("#operations-devices-listDevices .live-responses-table tbody .response-col_description"))
        .contains(server.serial(0));
    assertThat(sent).anyMatch(url -> url.startsWith(server.uri("/api/v1/devices").toString()));
    browser.screenshot("docs-rest-try-it");
  }

  @Test
  void websocketReferenceShowsEveryFrameChannelAndTheLifecycleDiagram() throws IOException {
    JsonNode asyncApi = contract("/api/v1/asyncapi.yaml");
    Set<String> frames = new TreeSet<>();
    asyncApi.path("components").path("messages").forEach(m -> frames.add(m.path("name").asText()));
    Set<String> channels = new TreeSet<>();
    asyncApi.path("channels").forEach(c -> channels.add(c.path("address").asText()));

    browser.open(server.uri("/docs/api/websocket.html"));

    Set<String> shownFrames = new TreeSet<>();
    browser.all("section.message h3 > code").forEach(code -> shownFrames.add(code.getText()));
    Set<String> shownChannels = new TreeSet<>();
    browser.all("section.channel h3 > code").forEach(code -> shownChannels.add(code.getText()));
    assertThat(shownFrames).isEqualTo(frames).isNotEmpty();
    assertThat(shownChannels).isEqualTo(channels).isNotEmpty();
    WebElement diagram = browser.one("#lifecycle + figure svg.sequence");
    assertThat(diagram.isDisplayed()).isTrue();
    assertThat(diagram.getRect().getHeight()).isGreaterThan(300);
    assertThat(diagram.getText()).contains("connection_ack", "resync_required", "pong");
    browser.screenshot("docs-websocket");
  }

  @Test
  void errorCatalogueShowsEveryCodeWithStatusMeaningAndWhatToDo() throws IOException {
    JsonNode codes = contract("/api/v1/schemas/error-code.json");

    browser.open(server.uri("/docs/api/errors.html"));

    List<String> rows = new ArrayList<>();
    browser.all("table.errors tbody tr").forEach(row -> rows.add(row.getAttribute("id")));
    List<String> enumCodes = new ArrayList<>();
    codes.path("enum").forEach(code -> enumCodes.add(code.asText()));
    assertThat(rows).isEqualTo(enumCodes).isNotEmpty();
    for (String code : enumCodes) {
      JsonNode entry = codes.path("x-error-codes").path(code);
      String status = browser.text("tr#" + code + " td.status");
      if (entry.path("http_status").isInt()) {
        assertThat(status).as(code).isEqualTo(entry.path("http_status").asText());
      }
      assertThat(browser.text("tr#" + code + " td.action")).as(code).isNotBlank();
    }
    browser.screenshot("docs-errors");
  }

  @Test
  void aGuideRendersItsTablesAndHeadingAnchors() {
    browser.open(server.uri("/docs/guides/configuration.html"));

    assertThat(browser.all("main table thead th")).hasSizeGreaterThan(1);
    assertThat(browser.all("main table tbody tr")).isNotEmpty();
    List<WebElement> headings = browser.all("main h2[id]");
    assertThat(headings).isNotEmpty();
    for (WebElement heading : headings) {
      String id = heading.getAttribute("id");
      assertThat(heading.findElements(org.openqa.selenium.By.cssSelector("a.anchor[href='#" + id + "']"))).hasSize(1);
    }
    WebElement last = headings.get(headings.size() - 1);
    String id = last.getAttribute("id");
    browser.script("arguments[0].scrollIntoView()", last);
    last.findElement(org.openqa.selenium.By.cssSelector("a.anchor")).click();
    assertThat(browser.driver().getCurrentUrl()).endsWith("/docs/guides/configuration.html#" + id);
    browser.screenshot("docs-guide-configuration");
  }

  private void filter(String phrase) {
    WebElement input = browser.one("input.operation-filter-input");
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    input.sendKeys(phrase);
  }

  /** Read in one script: Swagger UI redraws the list while it filters. */
  private static Set<String> shownOperationIds() {
    Object ids = browser.script("return Array.from(document.querySelectorAll('.opblock .opblock-summary-operation-id'),"
        + " e => e.textContent.trim());");
    Set<String> shown = new TreeSet<>();
    ((List<?>) ids).forEach(id -> shown.add(String.valueOf(id)));
    return shown;
  }

  private static boolean sameServer(URI url) {
    return "http".equals(url.getScheme()) && server.uri("/").getAuthority().equals(url.getAuthority());
  }

  private static URI withoutFragment(URI url) {
    return URI.create(url.toString().replaceFirst("#.*$", ""));
  }

  /** The page answers 200, and when the link has a fragment other than Swagger UI's routes, the page has that id. */
  private static boolean resolves(URI link) throws IOException, InterruptedException {
    HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(withoutFragment(link)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (page.statusCode() != 200) {
      return false;
    }
    String fragment = link.getFragment();
    return fragment == null || fragment.isEmpty() || fragment.startsWith("/")
        || page.body().contains("id=\"" + fragment + "\"");
  }

  private static JsonNode contract(String path) throws IOException {
    try {
      return YAML.readTree(HTTP.send(HttpRequest.newBuilder(server.uri(path)).build(),
          HttpResponse.BodyHandlers.ofString()).body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
