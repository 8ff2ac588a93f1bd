package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.edge.cors.CorsPolicy;
import dev.towerline.server.edge.origin.OriginList;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.RawHttp;
import dev.towerline.server.testing.RunningServer;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /health} answered by its fast path and by Jersey is one answer: the same status,
 * headers, body shape, access-log line and metric series. A plain request takes the fast path; the
 * same request with an {@code Accept} to negotiate goes to Jersey (and still gets JSON), so both
 * paths answer the very same route here. The requests the fast path hands on get what the contract
 * says. Every response passes the contract check of {@link RunningServer#send}.
 */
class HealthFastPathParityTest {

  private static final String APP = "http://app.example:5173";
  private static final String EVIL = "http://evil.example";
  /** Takes JSON, but only after negotiation: the fast path leaves it to Jersey. */
  private static final String NEGOTIATED_ACCEPT = "application/json, text/plain;q=0.5";
  // Differ per answer by nature: the id is fresh, the uptime (and so the length) moves.
  private static final Set<String> PER_ANSWER_HEADERS = Set.of("x-request-id", "content-length", "date");

  @RegisterExtension
  static final RunningServer server =
      new RunningServer()
          .edge(edge -> edge.cors(CorsPolicy.of(OriginList.parse("test", List.of(APP), true), true, Duration.ofSeconds(600))));

  private final Logger accessLogger = (Logger) LoggerFactory.getLogger("towerline.access");
  private final ListAppender<ILoggingEvent> accessLog = new ListAppender<>();

  @BeforeEach
  void captureAccessLog() {
    accessLog.start();
    accessLogger.addAppender(accessLog);
    accessLogger.setLevel(Level.INFO);
  }

  @AfterEach
  void releaseAccessLog() {
    accessLogger.detachAppender(accessLog);
  }

  private record Answer(int status, Map<String, List<String>> headers, String body, String logLine) {}

  private Answer send(String method, UnaryOperator<HttpRequest.Builder> variant) {
    String id = "parity-" + UUID.randomUUID();
    HttpResponse<String> response =
        server.send(variant.apply(server.request("/health").method(method, HttpRequest.BodyPublishers.noBody()).header("X-Request-Id", id)));
    assertThat(response.headers().firstValue("X-Request-Id")).hasValue(id);
    List<String> lines =
        accessLog.list.stream()
            .filter(event -> id.equals(event.getMDCPropertyMap().get("request_id")))
            .map(ILoggingEvent::getFormattedMessage)
            .toList();
    assertThat(lines).as("access log lines of " + id).hasSize(1);
    return new Answer(response.statusCode(), comparableHeaders(response), response.body(), lines.get(0).replaceAll(" duration_ms=\\S+", ""));
  }

  private static Map<String, List<String>> comparableHeaders(HttpResponse<String> response) {
    Map<String, List<String>> headers = new TreeMap<>();
    response.headers().map().forEach((name, values) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (!PER_ANSWER_HEADERS.contains(lower) && !lower.startsWith(":")) {
        headers.put(lower, values);
      }
    });
    return headers;
  }

  private void assertSameAnswer(String method, UnaryOperator<HttpRequest.Builder> variant) {
    Answer fast = send(method, variant);
    Answer jersey = send(method, request -> variant.apply(request).header("Accept", NEGOTIATED_ACCEPT));

    assertThat(fast.status()).isEqualTo(200);
    assertThat(fast.status()).isEqualTo(jersey.status());
    assertThat(fast.headers()).isEqualTo(jersey.headers());
    assertThat(fast.logLine()).isEqualTo(jersey.logLine());
    if (method.equals("GET")) {
      JsonNode fastBody = Envelopes.parse(fast.body());
      JsonNode jerseyBody = Envelopes.parse(jersey.body());
      assertThat(fieldNames(fastBody)).isEqualTo(fieldNames(jerseyBody));
      assertThat(fastBody.path("status")).isEqualTo(jerseyBody.path("status"));
      assertThat(fastBody.path("version")).isEqualTo(jerseyBody.path("version"));
    } else {
      assertThat(fast.body()).isEmpty();
      assertThat(jersey.body()).isEmpty();
    }
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"GET", "HEAD"})
  void answersAPlainProbeAsJerseyDoes(String method) {
    assertSameAnswer(method, UnaryOperator.identity());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"GET", "HEAD"})
  void marksAnswersToAnAllowedOriginAsJerseyDoes(String method) {
    assertSameAnswer(method, request -> request.header("Origin", APP));
  }

  @Test
  void exposesTheApiHeadersAndCredentialsToAnAllowedOrigin() {
    Answer fast = send("GET", request -> request.header("Origin", APP));

    assertThat(fast.headers().get("access-control-allow-origin")).containsExactly(APP);
    assertThat(fast.headers().get("access-control-allow-credentials")).containsExactly("true");
    assertThat(fast.headers().get("access-control-expose-headers").get(0)).contains("X-Request-Id", "Deprecation", "RateLimit");
    assertThat(fast.headers().get("vary")).containsExactly("Origin");
  }

  @Test
  void givesAnotherOriginNoCorsHeaderAsJerseyDoes() {
    assertSameAnswer("GET", request -> request.header("Origin", EVIL));
    Answer fast = send("GET", request -> request.header("Origin", EVIL));

    assertThat(fast.headers().keySet()).noneMatch(name -> name.startsWith("access-control-"));
    assertThat(fast.headers().get("vary")).containsExactly("Origin");
  }

  @Test
  void recordsBothPathsInOneMetricSeries() {
    long before = healthCount();
    send("GET", UnaryOperator.identity());
    send("GET", request -> request.header("Accept", NEGOTIATED_ACCEPT));

    assertThat(healthCount()).isEqualTo(before + 2);
  }

  private static long healthCount() {
    Matcher count =
        Pattern.compile("(?m)^towerline_http_server_requests_seconds_count\\{[^}]*method=\"GET\",route=\"/health\",status=\"200\"\\} (\\d+)")
            .matcher(server.get("/metrics").body());
    return count.find() ? Long.parseLong(count.group(1)) : 0;
  }

  @Test
  void refusesAnUnknownParameterFromTheContract() {
    HttpResponse<String> response = server.get("/health?bogus=1");

    JsonNode error = Envelopes.assertEnvelope(response, 400, ErrorCode.INVALID_PARAMETER);
    assertThat(error.path("details").path("parameter").asText()).isEqualTo("bogus");
  }

  @Test
  void refusesAnAcceptWithoutJson() {
    HttpResponse<String> response = server.send(server.request("/health").header("Accept", "text/html"));

    Envelopes.assertEnvelope(response, 406, ErrorCode.NOT_ACCEPTABLE);
  }

  @Test
  void refusesOtherMethodsWithAllow() {
    HttpResponse<String> response = server.send(server.request("/health").POST(HttpRequest.BodyPublishers.noBody()));

    Envelopes.assertEnvelope(response, 405, ErrorCode.METHOD_NOT_ALLOWED);
    assertThat(response.headers().firstValue("Allow").orElseThrow()).contains("GET");
  }

  @Test
  void answersAPreflightFromAnAllowedOrigin() {
    HttpResponse<String> response =
        server.send(
            server
                .request("/health")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", APP)
                .header("Access-Control-Request-Method", "GET"));

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
    assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET, HEAD, POST");
  }

  @Test
  void refusesAPreflightFromAnotherOrigin() {
    HttpResponse<String> response =
        server.send(
            server
                .request("/health")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", EVIL)
                .header("Access-Control-Request-Method", "GET"));

    Envelopes.assertEnvelope(response, 403, ErrorCode.FORBIDDEN);
    assertThat(response.headers().map().keySet()).noneMatch(name -> name.toLowerCase(Locale.ROOT).startsWith("access-control-"));
  }

  @Test
  void refusesAHostNotServedHereBeforeAnyPath() throws IOException {
    String answer = RawHttp.exchange(server.port(), "GET /health HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 421");
    assertThat(answer).contains("\"code\":\"MISDIRECTED_REQUEST\"");
  }

  @Test
  void servesAnAllowedHostOnTheFastPath() throws IOException {
    String answer = RawHttp.exchange(server.port(), "GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 200");
    assertThat(answer).contains("\"status\":\"ok\"");
  }

  @Test
  void takesNothingFromTheRateLimitsOnEitherPath() {
    Answer fast = send("GET", UnaryOperator.identity());
    Answer jersey = send("GET", request -> request.header("Accept", NEGOTIATED_ACCEPT));

    assertThat(fast.headers()).doesNotContainKeys("ratelimit", "ratelimit-policy");
    assertThat(jersey.headers()).doesNotContainKeys("ratelimit", "ratelimit-policy");
  }
}
