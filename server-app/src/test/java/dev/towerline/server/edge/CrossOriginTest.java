package dev.towerline.server.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.edge.cors.CorsPolicy;
import dev.towerline.server.edge.origin.OriginList;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.Executions;
import dev.towerline.server.testing.RawWebSocket;
import dev.towerline.server.testing.RunningServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What browsers see: CORS from {@code CORS_ALLOWED_ORIGINS} (preflights answered before routing,
 * actual responses marked for allowed origins only), feed handshakes refused 403 for pages of
 * other origins, and {@code Location} built from {@code PUBLIC_BASE_URL}.
 */
class CrossOriginTest {

  private static final String APP = "http://app.example:5173";
  private static final String DASHBOARD = "https://dash.example";
  private static final String EVIL = "http://evil.example";

  @RegisterExtension
  static final RunningServer server =
      new RunningServer()
          .edge(
              edge ->
                  edge.cors(CorsPolicy.of(OriginList.parse("test", List.of(APP), true), false, Duration.ofSeconds(600)))
                      .allowedOrigins(OriginList.parse("test", List.of(DASHBOARD), false))
                      .publicBaseUrl("https://lab.example.com/"));

  private static HttpRequest.Builder preflight(String path, String origin, String method) {
    return server
        .request(path)
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", origin)
        .header("Access-Control-Request-Method", method)
        .header("Access-Control-Request-Headers", "authorization, content-type, idempotency-key, x-request-id");
  }

  @Test
  void answersAPreflightFromAnAllowedOriginWithWhatTheApiAccepts() {
    HttpResponse<String> response = server.send(preflight("/api/v1/executions", APP, "POST"));

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
    assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET, HEAD, POST");
    assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElseThrow())
        .contains("Authorization", "Content-Type", "Idempotency-Key", "X-Request-Id");
    assertThat(response.headers().firstValue("Access-Control-Max-Age")).hasValue("600");
    assertThat(response.headers().allValues("Vary")).anyMatch(vary -> vary.contains("Origin"));
    assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    assertThat(response.body()).isEmpty();
  }

  @Test
  void answersPreflightsBeforeRoutingSoNeither405NorTheContractChecksSeeThem() {
    // The route has no OPTIONS, and the contract would refuse the unknown query parameter.
    HttpResponse<String> response = server.send(preflight("/api/v1/devices/" + server.serial(0) + "?bogus=1", APP, "GET"));

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
  }

  @Test
  void refusesAPreflightFromAnotherOriginWithoutAnyCorsHeader() {
    HttpResponse<String> response = server.send(preflight("/api/v1/executions", EVIL, "POST"));

    Envelopes.assertEnvelope(response, 403, ErrorCode.FORBIDDEN);
    assertThat(response.headers().map().keySet()).noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
  }

  @Test
  void curlPreflightGetsTheSameAnswer() {
    Wire.Answer answer =
        Wire.curl(
            "-X", "OPTIONS", "-H", "Origin: " + APP, "-H", "Access-Control-Request-Method: POST",
            "http://127.0.0.1:" + server.port() + "/api/v1/executions");

    assertThat(answer.status()).isEqualTo(204);
    assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo(APP);
    assertThat(answer.header("Access-Control-Allow-Methods")).contains("POST");
  }

  @Test
  void marksResponsesReadableByAnAllowedOriginAndExposesTheApiHeaders() {
    HttpResponse<String> response = server.send(server.request("/api/v1/devices").header("Origin", APP).GET());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
    assertThat(response.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
        .contains(
            "X-Request-Id", "Retry-After", "Deprecation", "Sunset", "Link", "Idempotent-Replayed", "Location", "RateLimit",
            "RateLimit-Policy");
    assertThat(response.headers().allValues("Vary")).anyMatch(vary -> vary.contains("Origin"));
  }

  @Test
  void errorEnvelopesAreReadableByAnAllowedOriginToo() {
    HttpResponse<String> response = server.send(server.request("/api/v1/executions/ex_missing").header("Origin", APP).GET());

    Envelopes.assertEnvelope(response, 404, ErrorCode.EXECUTION_NOT_FOUND);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
  }

  @ParameterizedTest(name = "Origin: {0}")
  @ValueSource(strings = {EVIL, "http://app.example:5174", "https://app.example:5173", "null"})
  void givesOtherOriginsNoCorsHeaders(String origin) {
    HttpResponse<String> response = server.send(server.request("/api/v1/devices").header("Origin", origin).GET());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().map().keySet()).noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
    assertThat(response.headers().allValues("Vary")).anyMatch(vary -> vary.contains("Origin"));
  }

  @Test
  void buildsLocationFromThePublicBaseUrl() {
    HttpResponse<String> response =
        server.send(
            server
                .request("/api/v1/executions")
                .header("Content-Type", "application/json")
                .header("Origin", APP)
                .POST(HttpRequest.BodyPublishers.ofString(Executions.body(server.serial(2), "echo public", 30))));

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().firstValue("Location").orElseThrow()).startsWith("https://lab.example.com/api/v1/executions/ex_");
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
  }

  @Test
  void servesTheHostOfThePublicBaseUrl() {
    Wire.Answer answer = Wire.raw(server.port(), "GET /api/v1/status HTTP/1.1\r\nHost: lab.example.com\r\nConnection: close\r\n\r\n");

    assertThat(answer.status()).isEqualTo(200);
  }

  @ParameterizedTest(name = "Origin: {0}")
  @ValueSource(strings = {EVIL, "null", "http://localhost", "https://dash.example:8443", "file://"})
  void refusesFeedHandshakesFromOtherOriginsBeforeTheUpgrade(String origin) {
    Wire.Answer answer =
        Wire.raw(
            server.port(),
            RawWebSocket.handshake("/api/v1/ws/executions", "Host: 127.0.0.1:" + server.port() + "\r\nOrigin: " + origin + "\r\n"));

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.error().path("code").asText()).isEqualTo(ErrorCode.FORBIDDEN.value());
    assertThat(answer.error().path("message").asText()).contains("may not open feeds");
    assertThat(answer.hasHeader("Sec-WebSocket-Accept")).isFalse();
  }

  @ParameterizedTest(name = "Origin: {0}")
  @ValueSource(strings = {"", DASHBOARD, APP, "same"})
  void opensFeedsForNonBrowsersTheServersOwnPagesAndAllowedOrigins(String origin) throws IOException {
    String host = "127.0.0.1:" + server.port();
    String originLine =
        switch (origin) {
          case "" -> "";
          case "same" -> "Origin: http://" + host + "\r\n";
          default -> "Origin: " + origin + "\r\n";
        };
    try (RawWebSocket socket = RawWebSocket.connect(server.port(), "/api/v1/ws/devices", Duration.ofSeconds(5), "Host: " + host + "\r\n" + originLine)) {
      assertThat(socket.read().text()).contains("connection_ack");
    }
  }

  @Test
  void theJdkWebSocketClientIsRefusedForAForeignOrigin() {
    HttpClient client = HttpClient.newHttpClient();
    WebSocket.Listener listener = new WebSocket.Listener() {};

    assertThatThrownBy(
            () ->
                client
                    .newWebSocketBuilder()
                    .header("Origin", EVIL)
                    .buildAsync(server.webSocketUri("/api/v1/ws/devices"), listener)
                    .get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(WebSocketHandshakeException.class)
        .satisfies(
            failure -> {
              HttpResponse<?> response = ((WebSocketHandshakeException) failure.getCause()).getResponse();
              assertThat(response.statusCode()).isEqualTo(403);
            });
  }

  @Test
  void refusesWildcardTogetherWithCredentialsAtStart() {
    assertThatThrownBy(
            () -> CorsPolicy.fromEnvironment(java.util.Map.of("CORS_ALLOWED_ORIGINS", "*", "CORS_ALLOW_CREDENTIALS", "true")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("CORS_ALLOWED_ORIGINS=* cannot be combined with CORS_ALLOW_CREDENTIALS=true");
  }
}
