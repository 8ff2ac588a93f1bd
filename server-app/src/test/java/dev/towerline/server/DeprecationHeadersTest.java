package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.server.testing.RunningServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DeprecationHeadersTest {
  @RegisterExtension static final RunningServer server = new RunningServer();

  @Test
  void deprecatedOperationAnnouncesDeprecationSunsetAndSuccessorFromTheSpec() {
    HttpResponse<String> response = server.get("/api/v1/status");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Deprecation")).hasValue("@1795305600");
    assertThat(response.headers().firstValue("Sunset")).hasValue("Wed, 30 Jun 2027 00:00:00 GMT");
    assertThat(response.headers().firstValue("Link"))
        .hasValue(
            "</docs/guides/migrate-legacy-status.html>; rel=\"deprecation\"; type=\"text/html\", "
                + "</health/full>; rel=\"successor-version\"");
  }

  @Test
  void operationsThatAreNotDeprecatedCarryNoDeprecationHeaders() {
    HttpResponse<String> response = server.get("/health");

    assertThat(response.headers().firstValue("Deprecation")).isEmpty();
    assertThat(response.headers().firstValue("Sunset")).isEmpty();
  }
}
