package dev.towerline.server.http.fast;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.server.contract.RequestContract;
import dev.towerline.server.edge.cors.CorsPolicy;
import dev.towerline.server.edge.cors.CorsResponseHeaders;
import dev.towerline.server.health.HealthService;
import dev.towerline.server.http.AccessLog;
import dev.towerline.server.http.DeprecationHeaders;
import dev.towerline.server.json.JsonMappers;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.spec.ContractDocuments;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which requests the liveness fast path answers itself and which it hands on, seen over real HTTP
 * on a bare Grizzly server whose next handler only says that it was called. What the whole server
 * answers either way is {@code HealthFastPathParityTest}'s subject.
 */
class LivenessFastPathTest {

  private static final String HANDED_ON = "X-Handed-On";
  private static final String LISTENER = "fast-path-test";
  private static final AtomicInteger handedOn = new AtomicInteger();
  private static HttpServer grizzly;
  private static final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void startGrizzly() throws IOException {
    ContractDocuments documents = ContractDocuments.bundled();
    HttpHandler next =
        new HttpHandler() {
          @Override
          public void service(Request request, Response response) {
            handedOn.incrementAndGet();
            response.setStatus(204);
            response.setHeader(HANDED_ON, "yes");
          }
        };
    LivenessFastPath fastPath =
        new LivenessFastPath(
            next,
            RequestContract.read(documents),
            new HealthService("9.9.9", Clock.systemUTC()),
            JsonMappers.create(),
            new AccessLog(new SimpleMeterRegistry()),
            new CorsResponseHeaders(CorsPolicy.disabled()),
            DeprecationHeaders.fromOpenApi(documents.openApi()));
    grizzly = new HttpServer();
    grizzly.addListener(new NetworkListener(LISTENER, "127.0.0.1", 0));
    grizzly.getServerConfiguration().addHttpHandler(fastPath, "/");
    grizzly.start();
  }

  @AfterAll
  static void stopGrizzly() {
    grizzly.shutdownNow();
  }

  @BeforeEach
  void resetCount() {
    handedOn.set(0);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + grizzly.getListener(LISTENER).getPort() + pathAndQuery));
  }

  @Test
  void answersAPlainGetItselfWithTheLivenessBody() throws Exception {
    HttpResponse<String> response = send(request("/health").GET());

    assertThat(handedOn).hasValue(0);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
    JsonNode body = Envelopes.parse(response.body());
    assertThat(body.path("status").asText()).isEqualTo("ok");
    assertThat(body.path("version").asText()).isEqualTo("9.9.9");
    assertThat(body.path("uptime_seconds").isIntegralNumber()).isTrue();
  }

  @ParameterizedTest(name = "Accept: {0}")
  @ValueSource(strings = {"*/*", "application/json"})
  void answersAcceptsThatPlainlyTakeJsonItself(String accept) throws Exception {
    HttpResponse<String> response = send(request("/health").header("Accept", accept).GET());

    assertThat(handedOn).hasValue(0);
    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void answersHeadItselfWithTheGetHeadersAndNoBody() throws Exception {
    HttpResponse<String> response = send(request("/health").method("HEAD", HttpRequest.BodyPublishers.noBody()));

    assertThat(handedOn).hasValue(0);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.headers().firstValueAsLong("Content-Length").orElseThrow()).isPositive();
    assertThat(response.body()).isEmpty();
  }

  @Test
  void keepsAClientsUsableRequestId() throws Exception {
    HttpResponse<String> response = send(request("/health").header("X-Request-Id", "probe-7").GET());

    assertThat(response.headers().firstValue("X-Request-Id")).hasValue("probe-7");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/health?bogus=1", "/health?x", "/health/", "/health/ready", "/healthz", "/api/v1/devices"})
  void handsOtherTargetsAndAnyQueryOn(String target) throws Exception {
    HttpResponse<String> response = send(request(target).GET());

    assertThat(response.headers().firstValue(HANDED_ON)).as(target).hasValue("yes");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"POST", "PUT", "DELETE", "OPTIONS", "PATCH"})
  void handsOtherMethodsOn(String method) throws Exception {
    HttpResponse<String> response = send(request("/health").method(method, HttpRequest.BodyPublishers.noBody()));

    assertThat(response.headers().firstValue(HANDED_ON)).as(method).hasValue("yes");
  }

  @ParameterizedTest(name = "Accept: {0}")
  @ValueSource(strings = {"text/html", "application/json;q=0", "text/html, application/json", "application/*"})
  void handsAnythingToNegotiateOn(String accept) throws Exception {
    HttpResponse<String> response = send(request("/health").header("Accept", accept).GET());

    assertThat(response.headers().firstValue(HANDED_ON)).as(accept).hasValue("yes");
  }

  @Test
  void handsSeveralAcceptHeadersOn() throws Exception {
    HttpResponse<String> response =
        send(request("/health").header("Accept", "*/*").header("Accept", "application/json;q=0").GET());

    assertThat(response.headers().firstValue(HANDED_ON)).hasValue("yes");
  }
}
