package dev.towerline.server.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.towerline.server.testing.RunningServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * AC-1032, AC-1033: the contract a server publishes points at that server — its server URL is
 * relative, and the deprecation {@code Link} opens the migration guide the same server serves.
 */
class ServedContractLinksTest {
  private static final Pattern DEPRECATION_LINK = Pattern.compile("<([^>]+)>\\s*;[^,]*rel=\"deprecation\"");

  @RegisterExtension static final RunningServer server = new RunningServer();

  @Test
  void theServedContractNamesTheServerItIsServedFrom() throws IOException {
    JsonNode openApi = new ObjectMapper(new YAMLFactory()).readTree(server.get("/api/v1/openapi.yaml").body());

    assertThat(openApi.path("servers")).hasSize(1);
    assertThat(openApi.path("servers").get(0).path("url").asText()).isEqualTo("/");
  }

  @Test
  void theDeprecationLinkOfTheLegacyStatusOpensTheGuideThisServerServes()
      throws IOException, InterruptedException {
    HttpResponse<String> legacy = server.get("/api/v1/status");
    String linkHeader = legacy.headers().firstValue("Link").orElseThrow();
    Matcher deprecation = DEPRECATION_LINK.matcher(linkHeader);
    assertThat(deprecation.find()).as(linkHeader).isTrue();
    URI guide = URI.create(deprecation.group(1));
    assertThat(guide.isAbsolute()).as("relative to the server that answered").isFalse();

    // A browser following the link: the pages are outside the REST contract the test client checks.
    HttpResponse<String> page = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(server.uri("/api/v1/status").resolve(guide)).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(page.body()).contains("/health/full");
  }
}
