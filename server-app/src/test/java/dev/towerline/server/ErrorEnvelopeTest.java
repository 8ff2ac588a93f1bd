package dev.towerline.server;

import static dev.towerline.server.testing.Envelopes.assertEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.FailingResource;
import dev.towerline.server.testing.RawHttp;
import dev.towerline.server.testing.RunningServer;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ErrorEnvelopeTest {

  @RegisterExtension
  static final RunningServer server = new RunningServer(rest -> rest.register(FailingResource.class));

  @Test
  void unknownRouteAnswers404Envelope() {
    JsonNode error = assertEnvelope(server.get("/api/v1/nope"), 404, ErrorCode.ROUTE_NOT_FOUND);

    assertThat(error.path("details").path("path").asText()).isEqualTo("/api/v1/nope");
  }

  @Test
  void wrongMethodAnswers405WithAllow() {
    HttpResponse<String> response = server.send(server.request("/api/v1/devices").DELETE());

    JsonNode error = assertEnvelope(response, 405, ErrorCode.METHOD_NOT_ALLOWED);
    assertThat(response.headers().firstValue("Allow"))
        .hasValueSatisfying(allow -> assertThat(allow).contains("GET").doesNotContain("DELETE"));
    assertThat(error.path("details").path("allowed").toString()).contains("\"GET\"");
  }

  @Test
  void wrongMediaTypeAnswers415Envelope() {
    HttpResponse<String> response =
        server.send(
            server
                .request("/api/v1/executions")
                .header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofString("echo hi")));

    JsonNode error = assertEnvelope(response, 415, ErrorCode.UNSUPPORTED_MEDIA_TYPE);
    assertThat(error.path("details").path("supported").toString()).contains("application/json");
  }

  @Test
  void malformedJsonAnswers400NamingLocation() {
    HttpResponse<String> response =
        server.send(
            server
                .request("/api/v1/executions")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"device_serial\": \"emulator-5554\",\n \"command\": ")));

    JsonNode error = assertEnvelope(response, 400, ErrorCode.MALFORMED_JSON);
    assertThat(error.path("details").path("line").asInt()).isEqualTo(2);
    assertThat(error.path("details").path("column").asInt()).isPositive();
  }

  @Test
  void wronglyTypedFieldAnswers400NamingField() {
    HttpResponse<String> response =
        server.send(
            server
                .request("/api/v1/executions")
                .header("Content-Type", "application/json")
                .POST(
                    BodyPublishers.ofString(
                        "{\"device_serial\": \"emulator-5554\", \"command\": \"id\", \"timeout_seconds\": \"soon\"}")));

    JsonNode error = assertEnvelope(response, 400, ErrorCode.VALIDATION_FAILED);
    JsonNode violation = error.path("details").path("violations").path(0);
    assertThat(violation.path("field").asText()).isEqualTo("timeout_seconds");
    assertThat(violation.path("reason").asText()).isEqualTo("must be an integer");
  }

  @Test
  void unacceptableAcceptAnswers406Envelope() {
    HttpResponse<String> response =
        server.send(server.request("/api/v1/devices").header("Accept", "application/xml").GET());

    JsonNode error = assertEnvelope(response, 406, ErrorCode.NOT_ACCEPTABLE);
    assertThat(error.path("details").path("supported").toString()).contains("application/json");
  }

  @Test
  void unknownEnumQueryValueAnswers400NamingParameter() {
    JsonNode error =
        assertEnvelope(
            server.get("/api/v1/devices?state=sideways"), 400, ErrorCode.INVALID_PARAMETER);

    assertThat(error.path("details").path("parameter").asText()).isEqualTo("state");
    assertThat(error.path("details").path("value").asText()).isEqualTo("sideways");
    assertThat(error.path("message").asText()).contains("state", "online", "offline");
  }

  @Test
  void nonIntegerQueryValueAnswers400NamingParameter() {
    JsonNode error =
        assertEnvelope(
            server.get("/api/v1/devices?page_size=many"), 400, ErrorCode.INVALID_PARAMETER);

    assertThat(error.path("details").path("parameter").asText()).isEqualTo("page_size");
    assertThat(error.path("details").path("reason").asText()).isEqualTo("must be an integer");
  }

  @Test
  void malformedDateTimeQueryValueAnswers400NamingParameter() {
    JsonNode error =
        assertEnvelope(
            server.get("/api/v1/executions?created_after=yesterday"),
            400,
            ErrorCode.INVALID_PARAMETER);

    assertThat(error.path("details").path("parameter").asText()).isEqualTo("created_after");
    assertThat(error.path("details").path("reason").asText()).contains("RFC 3339");
  }

  @Test
  void unexpectedFailureAnswers500WithoutLeakingDetails() {
    HttpResponse<String> response = server.get("/test/failure");

    JsonNode error = assertEnvelope(response, 500, ErrorCode.INTERNAL_ERROR);
    assertThat(error.has("details")).isFalse();
    assertThat(response.body())
        .doesNotContain(FailingResource.SECRET)
        .doesNotContain("IllegalState")
        .doesNotContain("FailingResource")
        .doesNotContainPattern("\\.java:\\d+");
  }

  @Test
  void malformedRequestUriAnswers400EnvelopeWithoutStackTrace() throws Exception {
    String response =
        RawHttp.exchange(
            server.port(),
            "GET /api/v1/devices/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

    assertThat(response).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/json");
    JsonNode body = Envelopes.parse(response.substring(response.indexOf("\r\n\r\n") + 4));
    assertThat(body.path("error").path("code").asText())
        .isEqualTo(ErrorCode.INVALID_PARAMETER.value());
    assertThat(body.path("request_id").asText()).isNotBlank();
    assertThat(response).doesNotContain("Exception").doesNotContain("<html");
  }

  @Test
  void headersOverTheLimitAreAnsweredWithTheEnvelope() throws Exception {
    String response =
        RawHttp.exchange(
            server.port(),
            "GET /api/v1/devices HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + "a".repeat(10_000) + "\r\n\r\n");

    assertGrizzlysOwn400IsAnEnvelope(response);
  }

  @Test
  void requestLineOverTheLimitIsAnsweredWithTheEnvelope() throws Exception {
    String response =
        RawHttp.exchange(
            server.port(), "GET /api/v1/devices?q=" + "b".repeat(10_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

    assertGrizzlysOwn400IsAnEnvelope(response);
  }

  /** Grizzly's codec refuses these before any handler; RawHttp has checked them against the contract. */
  private static void assertGrizzlysOwn400IsAnEnvelope(String response) {
    assertThat(response).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/json");
    JsonNode body = Envelopes.parse(response.substring(response.indexOf("\r\n\r\n") + 4));
    assertThat(body.path("error").path("code").asText()).isEqualTo(ErrorCode.INVALID_PARAMETER.value());
    assertThat(response).containsIgnoringCase("X-Request-Id: " + body.path("request_id").asText());
  }
}
