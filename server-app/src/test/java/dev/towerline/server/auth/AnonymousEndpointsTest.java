package dev.towerline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.server.testing.FailingResource;
import dev.towerline.server.testing.RunningServer;
import dev.towerline.server.testing.TestTokens;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** AC-904: {@code ANONYMOUS_ENDPOINTS} opens exactly the groups it names on a server with tokens. */
class AnonymousEndpointsTest {
  private static final TestTokens TOKENS = TestTokens.create();

  @RegisterExtension
  static final RunningServer server =
      new RunningServer(rest -> rest.register(FailingResource.class))
          .tokens(TOKENS)
          .auth(auth -> auth.anonymousEndpoints(EnumSet.of(AnonymousEndpoint.METRICS, AnonymousEndpoint.DOCS)));

  @Test
  void namedGroupsAreServedWithoutATokenAndTheRestStillNeedOne() {
    assertThat(status("/metrics", null)).isEqualTo(200);
    assertThat(status("/api/v1/openapi.yaml", null)).isEqualTo(200);
    assertThat(status("/api/v1/asyncapi.yaml", null)).isEqualTo(200);
    assertThat(status("/api/v1/schemas/device.json", null)).isEqualTo(200);
    assertThat(status("/health", null)).isEqualTo(200);

    assertThat(status("/health/full", null)).isEqualTo(401);
    assertThat(status("/api/v1/status", null)).isEqualTo(401);
    assertThat(status("/api/v1/devices", null)).isEqualTo(401);
    assertThat(status("/health/full", TOKENS.bearer(Role.VIEWER))).isIn(200, 503);
  }

  @Test
  void theDocsGroupOpensThePagesABrowserLoadsWithoutAToken() throws Exception {
    // Pages are outside the contract, so a plain client rather than the contract-checking one.
    HttpClient browserLike = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    for (String page : new String[] {"/docs/", "/dashboard/", "/dashboard/dashboard.js", "/"}) {
      int status = browserLike.send(HttpRequest.newBuilder(server.uri(page)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      assertThat(status).as(page).isEqualTo(page.equals("/") ? 302 : 200);
    }
  }

  @Test
  void anUnknownTokenOnAnAnonymousEndpointIsServedAsAnonymous() {
    assertThat(status("/metrics", "Bearer " + TestTokens.newToken())).isEqualTo(200);
  }

  @Test
  void routesOutsideTheContractNeedAViewerToken() {
    assertThat(status("/test/failure", null)).isEqualTo(401);
    assertThat(status("/test/failure", TOKENS.bearer(Role.VIEWER))).isEqualTo(500);
  }

  private static int status(String path, String authorization) {
    HttpRequest.Builder request = server.request(path).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return server.send(request).statusCode();
  }
}
