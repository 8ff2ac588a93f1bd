package dev.towerline.server;

import static dev.towerline.server.testing.Envelopes.assertEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.Executions;
import dev.towerline.server.testing.RawHttp;
import dev.towerline.server.testing.RunningServer;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Requests are checked against openapi.yaml itself: every refusal is one 400 listing each violation. */
class RequestValidationTest {
  @RegisterExtension static final RunningServer server = new RunningServer();

  private static final Executions executions = new Executions(server);

  @Test
  void emptyObjectReportsEveryMissingField() {
    assertThat(violations(executions.post("{}")))
        .containsExactlyInAnyOrderEntriesOf(Map.of("device_serial", "is required", "command", "is required"));
  }

  @Test
  void unknownFieldsAndWrongTypesAreAllListed() {
    String body = "{\"device_serial\":\"" + server.serial(0) + "\",\"command\":42,\"priority\":5,\"timeout_seconds\":true}";

    assertThat(violations(executions.post(body)))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("command", "must be a string", "priority", "unknown field", "timeout_seconds", "must be an integer"));
    assertThat(violations(executions.post("{\"device_serial\":\"" + server.serial(0) + "\",\"command\":true}")))
        .containsExactlyEntriesOf(Map.of("command", "must be a string"));
  }

  @Test
  void loneSurrogateIsRefusedAtTheDoorNamingTheField() {
    String poison = "{\"device_serial\":\"" + server.serial(0) + "\",\"command\":\"echo \\ud800poison\"}";

    assertThat(violations(executions.post(poison))).containsExactlyEntriesOf(Map.of("command", "is not valid Unicode text"));
    String poisonedKey = "{\"device_serial\":\"" + server.serial(0) + "\",\"command\":\"id\",\"\\udc00\":1}";
    // The parser itself refuses a lone surrogate in a key, where no field can be named.
    assertEnvelope(executions.post(poisonedKey), 400, ErrorCode.MALFORMED_JSON);
    assertThat(server.get("/api/v1/executions?device_serial=" + server.serial(0)).body()).doesNotContain("poison");
  }

  @Test
  void outOfRangeTimeoutNamesTheRange() {
    assertThat(violations(executions.post(withTimeout("99999999999")))).containsExactlyEntriesOf(Map.of("timeout_seconds", "must be ≤ 86400"));
    assertThat(violations(executions.post(withTimeout("0")))).containsExactlyEntriesOf(Map.of("timeout_seconds", "must be ≥ 1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "1.0", "1e2", "\"60\""})
  void timeoutMustBeAJsonInteger(String timeout) {
    assertThat(violations(executions.post(withTimeout(timeout)))).containsExactlyEntriesOf(Map.of("timeout_seconds", "must be an integer"));
  }

  @Test
  void explicitNullIsNotTheDefault() {
    assertThat(violations(executions.post(withTimeout("null"))))
        .containsExactlyEntriesOf(Map.of("timeout_seconds", "must be an integer, not null"));
  }

  @Test
  void duplicateKeysAreRefused() {
    String body = "{\"device_serial\":\"" + server.serial(0) + "\",\"command\":\"id\",\"command\":\"reboot\"}";

    assertThat(violations(executions.post(body))).containsExactlyEntriesOf(Map.of("command", "duplicate key"));
    String thrice = "{\"device_serial\":\"" + server.serial(0) + "\",\"command\":\"a\",\"command\":\"b\",\"command\":\"c\"}";
    JsonNode error = assertEnvelope(executions.post(thrice), 400, ErrorCode.VALIDATION_FAILED);
    assertThat(error.path("message").asText()).isEqualTo("Request body is invalid: command duplicate key");
  }

  @Test
  void blankAndOverlongCommandsAreRefusedByTheContract() {
    assertThat(violations(executions.post(Executions.body(server.serial(0), " \t ", 30))))
        .containsExactlyEntriesOf(Map.of("command", "must not be blank"));
    assertThat(violations(executions.post(Executions.body(server.serial(0), "x".repeat(4097), 30))))
        .containsExactlyEntriesOf(Map.of("command", "must be at most 4096 characters"));
  }

  @Test
  void contentAfterTheJsonValueIsMalformed() {
    JsonNode error = assertEnvelope(executions.post(Executions.body(server.serial(0), "id", 30) + " {}"), 400, ErrorCode.MALFORMED_JSON);

    assertThat(error.path("message").asText()).isEqualTo("Request body is not valid JSON: there is content after the JSON value");
  }

  @Test
  void parserLimitsAreA400NeverA500() {
    String deep = "{\"device_serial\":\"" + server.serial(0) + "\",\"command\":\"id\",\"x\":" + "{\"x\":".repeat(1000) + "1" + "}".repeat(1001);
    String longNumber = withTimeout("9".repeat(1001));

    for (String body : List.of(deep, longNumber)) {
      JsonNode error = assertEnvelope(executions.post(body), 400, ErrorCode.MALFORMED_JSON);
      assertThat(error.path("message").asText()).contains("nesting depth 1000").doesNotContain("StreamReadConstraints");
    }
  }

  @Test
  void bodyThatIsNotUtf8IsMalformed() {
    byte[] latin1 = ("{\"device_serial\":\"" + server.serial(0) + "\",\"command\":\"echo caf\u00e9\"}").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    HttpResponse<String> response =
        server.send(server.request("/api/v1/executions").header("Content-Type", "application/json").POST(BodyPublishers.ofByteArray(latin1)));

    assertThat(assertEnvelope(response, 400, ErrorCode.MALFORMED_JSON).path("message").asText()).isEqualTo("Request body is not valid UTF-8");
  }

  @Test
  void validRequestGetsTheDefaultTimeoutFromTheContract() {
    JsonNode created = executions.create(server.serial(0), "true", null);

    assertThat(created.path("timeout_seconds").asInt()).isEqualTo(300);
  }

  @Test
  void unknownQueryParameterIsRefusedNamingIt() throws Exception {
    String answer =
        RawHttp.exchange(server.port(), "GET /api/v1/devices?stat=offline HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 400");
    JsonNode error = Envelopes.parse(answer.substring(answer.indexOf("\r\n\r\n") + 4)).path("error");
    assertThat(error.path("code").asText()).isEqualTo("INVALID_PARAMETER");
    assertThat(error.path("details").path("parameter").asText()).isEqualTo("stat");
    assertThat(error.path("details").path("reason").asText()).contains("state");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/health", "/health/ready", "/health/full", "/metrics", "/api/v1/status", "/api/v1/openapi.yaml",
        "/api/v1/asyncapi.yaml", "/api/v1/schemas/device.json", "/api/v1/executions", "/api/v1/events?feed=devices",
        "/api/v1/devices/emulator-5554", "/api/v1/executions/ex_missing", "/api/v1/executions/ex_missing/output"
      })
  void everyOperationRefusesQueryParametersItDoesNotDeclare(String path) {
    String url = path + (path.contains("?") ? "&" : "?") + "verbose=1";

    JsonNode error = assertEnvelope(server.get(url), 400, ErrorCode.INVALID_PARAMETER);
    assertThat(error.path("details").path("parameter").asText()).isEqualTo("verbose");
  }

  @Test
  void parameterValuesAreCheckedAgainstTheirSchemas() {
    assertParameter("/api/v1/devices?page_size=1e2", "page_size", "must be an integer");
    assertParameter("/api/v1/devices?page_size=501", "page_size", "must be ≤ 500");
    assertParameter("/api/v1/devices?page_size=1&page_size=2", "page_size", "must be given at most once");
    assertParameter("/api/v1/devices?state=sideways", "state", "must be one of online, busy, offline, unauthorized, recovery, bootloader");
    assertParameter("/api/v1/devices/" + "s".repeat(129), "serial", "must be at most 128 characters");
    assertParameter("/api/v1/executions/ex_1/output?offset=-1", "offset", "must be ≥ 0");
    assertParameter("/api/v1/events", "feed", "is required");
    assertParameter("/api/v1/events?feed=devices&since=99999999999999999999", "since", "must be ≤ 9223372036854775807");
  }

  @Test
  void parameterThatIsNotUnicodeTextIsRefusedNamingIt() throws Exception {
    String answer =
        RawHttp.exchange(server.port(), "GET /api/v1/devices?model=%ED%A0%80 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 400");
    JsonNode error = Envelopes.parse(answer.substring(answer.indexOf("\r\n\r\n") + 4)).path("error");
    assertThat(error.path("details").path("parameter").asText()).isEqualTo("model");
    assertThat(error.path("details").path("reason").asText()).isEqualTo("is not valid Unicode text");
  }

  @Test
  void idempotencyKeyIsCheckedAgainstItsSchema() {
    JsonNode error = assertEnvelope(executions.post(Executions.body(server.serial(0), "true", 30), "bad key"), 400, ErrorCode.INVALID_PARAMETER);

    assertThat(error.path("details").path("parameter").asText()).isEqualTo("Idempotency-Key");
    assertThat(error.path("details").path("reason").asText()).isEqualTo("must contain only visible ASCII characters (no spaces)");
  }

  private static void assertParameter(String path, String parameter, String reason) {
    JsonNode error = assertEnvelope(server.get(path), 400, ErrorCode.INVALID_PARAMETER);
    assertThat(error.path("details").path("parameter").asText()).as(path).isEqualTo(parameter);
    assertThat(error.path("details").path("reason").asText()).as(path).isEqualTo(reason);
  }

  private static String withTimeout(String timeout) {
    return "{\"device_serial\":\"" + server.serial(0) + "\",\"command\":\"id\",\"timeout_seconds\":" + timeout + "}";
  }

  /** The violations of a VALIDATION_FAILED envelope, field to reason; never a library's words. */
  private static Map<String, String> violations(HttpResponse<String> response) {
    JsonNode error = assertEnvelope(response, 400, ErrorCode.VALIDATION_FAILED);
    assertThat(response.body()).doesNotContainIgnoringCase("jackson").doesNotContain("networknt", "found, ", "expected", "$");
    Map<String, String> byField = new java.util.LinkedHashMap<>();
    error.path("details").path("violations").forEach(v -> byField.put(v.path("field").asText(), v.path("reason").asText()));
    assertThat(error.path("message").asText())
        .startsWith("Request body is invalid: ")
        .contains(byField.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.toList()));
    return byField;
  }
}
