package dev.towerline.docs.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/**
 * {@code api/rest.html}: the REST reference, drawn in the browser by Swagger UI from the spec the
 * server publishes at {@value #SPEC_URL}, so the page always shows the contract of the server it
 * is served from and can send "try it out" calls to it. Swagger UI's files are not copied into
 * the site: the server serves them from the Swagger UI WebJar under {@value #ASSETS} (site-relative).
 * The page's own start-up script is {@code api/rest.js} ({@code rest.js} in this package): no
 * validator badge, no top bar, requests kept on this server, a filter over operations and fields.
 */
final class RestReference {
  static final String FILE = "api/rest.html";
  static final String SCRIPT = "api/rest.js";
  static final String SPEC_URL = "/api/v1/openapi.yaml";
  /** Site-relative folder the server maps onto the WebJar's {@code META-INF/resources/webjars/swagger-ui/<version>/}. */
  static final String ASSETS = "webjars/swagger-ui/";
  /** The WebJar files the page loads; the build fails if the WebJar on the class path lacks one. */
  static final List<String> ASSET_FILES = List.of("swagger-ui.css", "swagger-ui-bundle.js");
  private static final String WEBJAR_POM = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";

  private RestReference() {}

  static String render(String contractVersion) {
    String assets = "../" + ASSETS;
    String head = "<link rel=\"stylesheet\" href=\"" + assets + "swagger-ui.css\">\n";
    String body = "<div class=\"wide\">\n<h1>REST API</h1>\n"
        + "<p class=\"lead\">Every operation of <a href=\"contract/openapi.yaml\">openapi.yaml</a>, as this server "
        + "publishes it at <code>" + SPEC_URL + "</code>. Filter by path, operationId, summary, parameter or "
        + "field name; open an operation and press <em>Execute</em> to call this server. When the server checks "
        + "tokens, paste yours under <em>Authorize</em>. Errors: <a href=\"errors.html\">error codes</a>.</p>\n"
        + "<div id=\"swagger-ui\"><noscript>The REST reference needs JavaScript; the raw contract is "
        + "<a href=\"contract/openapi.yaml\">openapi.yaml</a>.</noscript></div>\n</div>\n"
        + "<script src=\"" + assets + "swagger-ui-bundle.js\"></script>\n"
        + "<script src=\"rest.js\"></script>\n";
    return PageLayout.page("REST API", "../", contractVersion, head, body);
  }

  /** The start-up script, with the spec URL filled in. */
  static String script() {
    return SiteResources.text("rest.js").replace("${specUrl}", SPEC_URL);
  }

  /** The Swagger UI version on the build's class path; fails the build when a file the page loads is missing. */
  static String checkedAssetsVersion() {
    Properties pom = new Properties();
    try (InputStream in = RestReference.class.getResourceAsStream(WEBJAR_POM)) {
      if (in == null) {
        throw new IllegalStateException("The Swagger UI WebJar (org.webjars:swagger-ui) is not on the class path");
      }
      pom.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String version = pom.getProperty("version");
    for (String file : ASSET_FILES) {
      String resource = "/META-INF/resources/webjars/swagger-ui/" + version + "/" + file;
      if (RestReference.class.getResource(resource) == null) {
        throw new IllegalStateException("Swagger UI " + version + " has no " + resource + "; the REST page loads it");
      }
    }
    return version;
  }
}
