package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.ListParityProbe.Answer;
import dev.towerline.server.edge.cors.CorsPolicy;
import dev.towerline.server.edge.origin.OriginList;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.RunningServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GET /api/v1/devices} answered by its fast path and by Jersey is one answer: the same
 * status, headers, body (but its timestamp and page token), access-log line and metric series; a
 * page token from either path pages on either. Requests the fast path hands on (filters, tokens,
 * bad parameters) get what the contract says. Servers with tokens or counted loopback callers:
 * {@code DeviceListFastPathEdgeParityTest}.
 */
class DeviceListFastPathParityTest {

  private static final String APP = "http://app.example:5173";
  private static final String EVIL = "http://evil.example";

  @RegisterExtension
  static final RunningServer server =
      new RunningServer()
          .edge(edge -> edge.cors(CorsPolicy.of(OriginList.parse("test", List.of(APP), true), true, Duration.ofSeconds(600))));

  private final ListParityProbe probe = new ListParityProbe(server);

  @AfterEach
  void closeProbe() {
    probe.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/api/v1/devices", "/api/v1/devices?page_size=50", "/api/v1/devices?page_size=1"})
  void answersAPlainListAsJerseyDoes(String target) {
    Answer fast = probe.assertSameAnswer(target, UnaryOperator.identity());

    assertThat(fast.status()).isEqualTo(200);
  }

  @Test
  void marksAnswersToAnAllowedOriginAsJerseyDoes() {
    Answer fast = probe.assertSameAnswer("/api/v1/devices?page_size=50", request -> request.header("Origin", APP));

    assertThat(fast.headers().get("access-control-allow-origin")).containsExactly(APP);
    assertThat(fast.headers().get("vary")).containsExactly("Origin");
  }

  @Test
  void givesAnotherOriginNoCorsHeaderAsJerseyDoes() {
    Answer fast = probe.assertSameAnswer("/api/v1/devices?page_size=50", request -> request.header("Origin", EVIL));

    assertThat(fast.headers().keySet()).noneMatch(name -> name.startsWith("access-control-"));
  }

  @ParameterizedTest(name = "Accept: {0}")
  @ValueSource(strings = {"*/*", ListParityProbe.NEGOTIATED_ACCEPT})
  void refusesAListWithABodyBeforeEitherPath(String accept) {
    HttpResponse<String> response =
        server.send(
            server
                .request("/api/v1/devices?page_size=50")
                .header("Accept", accept)
                .method("GET", HttpRequest.BodyPublishers.ofString("{\"x\":1}")));

    Envelopes.assertEnvelope(response, 400, ErrorCode.INVALID_PARAMETER);
  }

  @Test
  void pagesOnFromEitherPathsTokenOnEitherPath() {
    JsonNode fastFirst = Envelopes.parse(server.get("/api/v1/devices?page_size=1").body());
    String fastToken = fastFirst.path("metadata").path("next_page_token").asText();
    JsonNode jerseyFirst =
        Envelopes.parse(
            server
                .send(server.request("/api/v1/devices?page_size=1").header("Accept", ListParityProbe.NEGOTIATED_ACCEPT))
                .body());
    String jerseyToken = jerseyFirst.path("metadata").path("next_page_token").asText();

    HttpResponse<String> afterFast = server.get("/api/v1/devices?page_size=1&page_token=" + fastToken);
    HttpResponse<String> afterJersey = server.get("/api/v1/devices?page_size=1&page_token=" + jerseyToken);

    assertThat(fastToken).isNotEmpty();
    assertThat(afterFast.statusCode()).isEqualTo(200);
    assertThat(afterJersey.statusCode()).isEqualTo(200);
    assertThat(Envelopes.parse(afterFast.body()).path("data").get(0).path("serial"))
        .isEqualTo(Envelopes.parse(afterJersey.body()).path("data").get(0).path("serial"));
  }

  @Test
  void recordsBothPathsInOneMetricSeries() {
    long before = listCount();
    probe.fast("/api/v1/devices?page_size=50", UnaryOperator.identity());
    probe.jersey("/api/v1/devices?page_size=50", UnaryOperator.identity());

    assertThat(listCount()).isEqualTo(before + 2);
  }

  private static long listCount() {
    Matcher count =
        Pattern.compile(
                "(?m)^towerline_http_server_requests_seconds_count\\{[^}]*method=\"GET\",route=\"/api/v1/devices\",status=\"200\"\\} (\\d+)")
            .matcher(server.get("/metrics").body());
    return count.find() ? Long.parseLong(count.group(1)) : 0;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"page_size=0", "page_size=501", "page_size=9999", "page_size=abc", "page_size=50&page_size=50", "bogus=1"})
  void refusesBadParametersFromTheContract(String query) {
    HttpResponse<String> response = server.get("/api/v1/devices?" + query);

    JsonNode error = Envelopes.assertEnvelope(response, 400, ErrorCode.INVALID_PARAMETER);
    assertThat(error.path("details").path("parameter").asText()).isIn("page_size", "bogus");
  }

  @Test
  void filtersOnJersey() {
    HttpResponse<String> online = server.get("/api/v1/devices?page_size=50&state=online");

    assertThat(online.statusCode()).isEqualTo(200);
    assertThat(Envelopes.parse(online.body()).path("data")).isNotEmpty().allMatch(device -> device.path("state").asText().equals("online"));
  }

  @Test
  void takesNothingFromTheRateLimitsOfLoopbackCallersOnEitherPath() {
    Answer fast = probe.fast("/api/v1/devices?page_size=50", UnaryOperator.identity());
    Answer jersey = probe.jersey("/api/v1/devices?page_size=50", UnaryOperator.identity());

    assertThat(fast.headers()).doesNotContainKeys("ratelimit", "ratelimit-policy");
    assertThat(jersey.headers()).doesNotContainKeys("ratelimit", "ratelimit-policy");
  }
}
