package dev.towerline.server.http.fast;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.protocol.Device;
import dev.towerline.protocol.DeviceState;
import dev.towerline.server.auth.AuthMode;
import dev.towerline.server.contract.RequestContract;
import dev.towerline.server.devices.DeviceDirectory;
import dev.towerline.server.devices.listing.DeviceListing;
import dev.towerline.server.edge.cors.CorsPolicy;
import dev.towerline.server.edge.cors.CorsResponseHeaders;
import dev.towerline.server.edge.ratelimit.RateLimit;
import dev.towerline.server.edge.ratelimit.RateLimitConfig;
import dev.towerline.server.edge.ratelimit.RateLimits;
import dev.towerline.server.http.AccessLog;
import dev.towerline.server.http.DeprecationHeaders;
import dev.towerline.server.http.resource.DeviceLists;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
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
 * Which requests the device-list fast path answers itself and which it hands on, seen over real
 * HTTP on bare Grizzly servers whose next handler only says that it was called: one as the server
 * runs without tokens, one with tokens, one whose rate limits count loopback callers. What the
 * whole server answers either way is {@code DeviceListFastPathParityTest}'s subject.
 */
class DeviceListFastPathTest {

  private static final String HANDED_ON = "X-Handed-On";
  private static final AtomicInteger handedOn = new AtomicInteger();
  private static final List<HttpServer> servers = new ArrayList<>();
  private static int plain;
  private static int withTokens;
  private static int rateLimited;
  private static int failingDirectory;
  private static final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void startGrizzly() throws IOException {
    plain = start(AuthMode.LOOPBACK_ONLY, RateLimitConfig.ofDefaults(), new ThreeDevices());
    withTokens = start(AuthMode.TOKENS, RateLimitConfig.ofDefaults(), new ThreeDevices());
    rateLimited =
        start(
            AuthMode.LOOPBACK_ONLY,
            RateLimitConfig.custom().exemptLoopback(false).anonymous(Optional.of(new RateLimit(1000, Duration.ofSeconds(60)))).build(),
            new ThreeDevices());
    failingDirectory = start(AuthMode.LOOPBACK_ONLY, RateLimitConfig.ofDefaults(), new FailingDirectory());
  }

  private static int start(AuthMode auth, RateLimitConfig limits, DeviceDirectory directory) throws IOException {
    ContractDocuments documents = ContractDocuments.bundled();
    RequestContract contract = RequestContract.read(documents);
    HttpHandler next =
        new HttpHandler() {
          @Override
          public void service(Request request, Response response) {
            handedOn.incrementAndGet();
            response.setStatus(204);
            response.setHeader(HANDED_ON, "yes");
          }
        };
    DeviceListFastPath fastPath =
        new DeviceListFastPath(
            next,
            contract,
            auth,
            new RateLimits(limits, Clock.systemUTC(), new SimpleMeterRegistry()),
            new DeviceLists(new DeviceListing(directory, Clock.systemUTC()), Clock.systemUTC(), contract),
            JsonMappers.create(),
            new AccessLog(new SimpleMeterRegistry()),
            new CorsResponseHeaders(CorsPolicy.disabled()),
            DeprecationHeaders.fromOpenApi(documents.openApi()));
    HttpServer grizzly = new HttpServer();
    grizzly.addListener(new NetworkListener("device-list-fast-path-test", "127.0.0.1", 0));
    grizzly.getServerConfiguration().addHttpHandler(fastPath, "/");
    grizzly.start();
    servers.add(grizzly);
    return grizzly.getListener("device-list-fast-path-test").getPort();
  }

  @AfterAll
  static void stopGrizzly() {
    servers.forEach(HttpServer::shutdownNow);
  }

  @BeforeEach
  void resetCount() {
    handedOn.set(0);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder request(String pathAndQuery) {
    return request(plain, pathAndQuery);
  }

  private static HttpRequest.Builder request(int port, String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/api/v1/devices", "/api/v1/devices?page_size=50", "/api/v1/devices?page_size=2"})
  void answersAPlainListItselfWithTheListBody(String target) throws Exception {
    HttpResponse<String> response = send(request(target).GET());

    assertThat(handedOn).hasValue(0);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
    JsonNode body = Envelopes.parse(response.body());
    int expected = target.endsWith("=2") ? 2 : 3;
    assertThat(body.path("data")).hasSize(expected);
    assertThat(body.path("metadata").path("page_size").asInt()).isEqualTo(target.contains("=") ? Integer.parseInt(target.substring(target.indexOf('=') + 1)) : 50);
    assertThat(body.path("metadata").has("next_page_token")).isEqualTo(expected == 2);
    assertThat(body.path("timestamp").asText()).endsWith("Z");
  }

  @ParameterizedTest(name = "Accept: {0}")
  @ValueSource(strings = {"*/*", "application/json"})
  void answersAcceptsThatPlainlyTakeJsonItself(String accept) throws Exception {
    HttpResponse<String> response = send(request("/api/v1/devices?page_size=50").header("Accept", accept).GET());

    assertThat(handedOn).hasValue(0);
    assertThat(response.statusCode()).isEqualTo(200);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/api/v1/devices?page_size=0", // the contract's minimum is 1
        "/api/v1/devices?page_size=9999",
        "/api/v1/devices?page_size=12345",
        "/api/v1/devices?page_size=",
        "/api/v1/devices?page_size=5a",
        "/api/v1/devices?page_size=%35%30",
        "/api/v1/devices?page_size=50&page_size=50",
        "/api/v1/devices?page_size=50&state=online",
        "/api/v1/devices?state=online",
        "/api/v1/devices?page_token=abc",
        "/api/v1/devices?bogus=1",
        "/api/v1/devices/",
        "/api/v1/devices/SERIAL-1",
        "/api/v1//devices",
        "/health"
      })
  void handsOtherTargetsAndQueriesOn(String target) throws Exception {
    HttpResponse<String> response = send(request(target).GET());

    assertThat(response.headers().firstValue(HANDED_ON)).as(target).hasValue("yes");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"})
  void handsOtherMethodsOn(String method) throws Exception {
    HttpResponse<String> response = send(request("/api/v1/devices").method(method, HttpRequest.BodyPublishers.noBody()));

    assertThat(response.headers().firstValue(HANDED_ON)).as(method).hasValue("yes");
  }

  @ParameterizedTest(name = "Accept: {0}")
  @ValueSource(strings = {"text/html", "application/json;q=0", "text/html, application/json", "application/*"})
  void handsAnythingToNegotiateOn(String accept) throws Exception {
    HttpResponse<String> response = send(request("/api/v1/devices").header("Accept", accept).GET());

    assertThat(response.headers().firstValue(HANDED_ON)).as(accept).hasValue("yes");
  }

  @Test
  void handsEveryListOnWhenTheServerHasTokens() throws Exception {
    HttpResponse<String> response = send(request(withTokens, "/api/v1/devices?page_size=50").GET());

    assertThat(response.headers().firstValue(HANDED_ON)).hasValue("yes");
  }

  @Test
  void handsOnListsOfCallersTheRateLimitsCount() throws Exception {
    HttpResponse<String> response = send(request(rateLimited, "/api/v1/devices?page_size=50").GET());

    assertThat(response.headers().firstValue(HANDED_ON)).hasValue("yes");
  }

  @Test
  void handsAListItCannotMakeOnForJerseyToAnswerTheFailure() throws Exception {
    HttpResponse<String> response = send(request(failingDirectory, "/api/v1/devices?page_size=50").GET());

    assertThat(response.headers().firstValue(HANDED_ON)).hasValue("yes");
  }

  /** Three online devices, as fresh copies on every read, as the real directory hands them out. */
  private static final class ThreeDevices implements DeviceDirectory {
    @Override
    public List<Device> all() {
      return IntStream.rangeClosed(1, 3)
          .mapToObj(i -> new Device().withSerial("SERIAL-" + i).withModel("Pixel").withState(DeviceState.ONLINE).withLabels(List.of()))
          .toList();
    }

    @Override
    public Optional<Device> find(String serial) {
      return all().stream().filter(device -> device.getSerial().equals(serial)).findFirst();
    }

    @Override
    public void addListener(Consumer<Device> listener) {}
  }

  private static final class FailingDirectory implements DeviceDirectory {
    @Override
    public List<Device> all() {
      throw new IllegalStateException("the directory is broken");
    }

    @Override
    public Optional<Device> find(String serial) {
      return Optional.empty();
    }

    @Override
    public void addListener(Consumer<Device> listener) {}
  }
}
