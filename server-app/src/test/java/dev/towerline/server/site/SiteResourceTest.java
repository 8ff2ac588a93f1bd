package dev.towerline.server.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.RunningServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The static routes over plain HTTP: redirects, media types, headers and what is never served. */
class SiteResourceTest {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();

  @RegisterExtension static final RunningServer server = new RunningServer();

  @Test
  void rootAndFolderUrlsWithoutTheirSlashRedirectToThePages() throws Exception {
    assertThat(location(get("/"))).endsWith("/dashboard/");
    assertThat(location(get("/docs"))).endsWith("/docs/");
    assertThat(location(get("/dashboard"))).endsWith("/dashboard/");
  }

  @Test
  void servesTheDocsIndexTheDashboardAndSwaggerUiWithTheirMediaTypesAndALocalOnlyPolicy() throws Exception {
    HttpResponse<String> index = get("/docs/");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(index.body()).contains("<title>Towerline docs</title>", "api/rest.html", "api/websocket.html");
    assertThat(index.headers().firstValue("Content-Security-Policy")).contains(SiteResource.CONTENT_SECURITY_POLICY);
    assertThat(index.headers().firstValue("X-Request-Id")).isPresent();

    HttpResponse<String> dashboard = get("/dashboard/");
    assertThat(dashboard.statusCode()).isEqualTo(200);
    assertThat(dashboard.body()).contains("<script type=\"module\" src=\"dashboard.js\"></script>");
    assertThat(get("/dashboard/feed.js").headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));

    HttpResponse<String> bundle = get("/docs/webjars/swagger-ui/swagger-ui-bundle.js");
    assertThat(bundle.statusCode()).isEqualTo(200);
    assertThat(bundle.body()).contains("SwaggerUIBundle");
    assertThat(get("/docs/api/contract/openapi.yaml").headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/yaml"));
  }

  @Test
  void aMissingFileIsTheRouteNotFoundEnvelope() throws Exception {
    HttpResponse<String> missing = get("/docs/guides/no-such-guide.html");

    assertThat(missing.statusCode()).isEqualTo(404);
    JsonNode error = Envelopes.parse(missing.body()).path("error");
    assertThat(error.path("code").asText()).isEqualTo("ROUTE_NOT_FOUND");
    assertThat(error.path("details").path("path").asText()).isEqualTo("/docs/guides/no-such-guide.html");
  }

  @Test
  void neverServesAFolderAClassFileOrAnythingOutsideTheSite() throws Exception {
    for (String path : new String[] {
        "/docs/guides", "/docs/guides/", "/docs/api", "/docs/%2e%2e/%2e%2e/META-INF/MANIFEST.MF",
        "/docs/..%2F..%2Fdev/towerline/server/Main.class", "/dashboard/..%2Flogback.xml",
        "/docs/webjars/swagger-ui/..%2F..%2F..%2F..%2Fmaven/org.webjars/swagger-ui/pom.properties",
        "/dashboard/.hidden.js", "/docs/webjars/other/x.js"}) {
      HttpResponse<String> answer = get(path);
      assertThat(answer.statusCode()).as(path).isEqualTo(404);
      assertThat(Envelopes.parse(answer.body()).path("error").path("code").asText()).as(path).isEqualTo("ROUTE_NOT_FOUND");
    }
  }

  @Test
  void theContractRoutesNextToThePagesAreUnchanged() throws Exception {
    assertThat(get("/api/v1/openapi.yaml").statusCode()).isEqualTo(200);
    assertThat(Envelopes.parse(get("/no/such/route").body()).path("error").path("code").asText())
        .isEqualTo("ROUTE_NOT_FOUND");
  }

  private static String location(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(302);
    return response.headers().firstValue("Location").orElseThrow();
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(server.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
