package dev.towerline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContractValidatorTest {

  private static final String DEVICE =
      "{\"serial\":\"emulator-5554\",\"state\":\"online\",\"labels\":[],\"last_seen_at\":\"2026-11-22T10:15:30Z\","
          + "\"link\":{\"breaker_state\":\"%s\",\"consecutive_failures\":0},"
          + "\"queued_executions\":0}";

  private final ContractValidator validator = ContractValidator.forBundledContract();

  @Test
  void acceptsAValidDeviceWithCharsetInContentType() {
    assertThatCode(
            () ->
                validator.checkResponse(
                    "GET", "/api/v1/devices/emulator-5554", 200,
                    headers("application/json; charset=UTF-8"), device("closed")))
        .doesNotThrowAnyException();
  }

  @Test
  void rejectsBodyBreakingTheSchemaNamingOperationAndPointer() {
    assertThatThrownBy(
            () ->
                validator.checkResponse(
                    "GET", "/api/v1/devices/emulator-5554", 200, json(), device("melted")))
        .isInstanceOf(ContractViolation.class)
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "getDevice (GET /api/v1/devices/{serial}) answered 200 with a body that breaks "
                + "#/components/schemas/Device: /link/breaker_state: "
                + "does not have a value in the enumeration [\"closed\", \"open\", \"half_open\"]");
  }

  @Test
  void rejectsUndocumentedStatusNamingTheDocumentedOnes() {
    assertThatThrownBy(
            () -> validator.checkResponse("GET", "/api/v1/devices/x", 202, json(), device("closed")))
        .hasMessage(
            "getDevice (GET /api/v1/devices/{serial}) answered 202, a status the contract does not "
                + "document for it (documented: 200, 400, 401, 403, 404, 406, 408, 413, 421, 429, 500, 503)");
  }

  @Test
  void rejectsContentTypeTheResponseDoesNotDeclare() {
    assertThatThrownBy(
            () ->
                validator.checkResponse(
                    "GET", "/api/v1/devices/x", 200, headers("text/html"), device("closed")))
        .hasMessageContaining("getDevice (GET /api/v1/devices/{serial}) answered 200")
        .hasMessageContaining("Content-Type text/html, not one the contract declares (application/json)");
  }

  @Test
  void rejectsBodyThatIsNotJson() {
    assertThatThrownBy(() -> validator.checkResponse("GET", "/health", 200, json(), "<html>ok</html>"))
        .hasMessageStartingWith("getLiveness (GET /health) answered 200 with a body that is not JSON");
  }

  @Test
  void rejectsErrorCodeDocumentedWithAnotherStatus() {
    assertThatThrownBy(
            () ->
                validator.checkResponse(
                    "GET", "/api/v1/devices/x", 404, json(), envelope("INVALID_PARAMETER")))
        .hasMessage(
            "getDevice (GET /api/v1/devices/{serial}) answered 404 with error code "
                + "INVALID_PARAMETER, which schemas/error-code.json x-error-codes documents with HTTP status 400");
  }

  @Test
  void rejectsErrorCodeThatHasNoHttpStatus() {
    assertThatThrownBy(
            () ->
                validator.checkResponse(
                    "GET", "/api/v1/devices/x", 500, json(), envelope("COMMAND_FAILED")))
        .hasMessageContaining("COMMAND_FAILED, which schemas/error-code.json x-error-codes documents with no HTTP status");
  }

  @Test
  void rejects501UnlessAllowingNotImplemented() {
    String notImplemented = envelope("NOT_IMPLEMENTED");

    assertThatThrownBy(() -> validator.checkResponse("GET", "/api/v1/devices", 501, json(), notImplemented))
        .hasMessageStartingWith("listDevices (GET /api/v1/devices) answered 501, a status the contract does not document")
        .hasMessageContaining("allowingNotImplemented()");
    assertThatCode(
            () ->
                validator
                    .allowingNotImplemented()
                    .checkResponse("GET", "/api/v1/devices", 501, json(), notImplemented))
        .doesNotThrowAnyException();
  }

  @Test
  void allowingNotImplementedStillRequiresTheNotImplementedEnvelope() {
    ContractValidator lenient = validator.allowingNotImplemented();

    assertThatThrownBy(
            () -> lenient.checkResponse("GET", "/api/v1/devices", 501, json(), envelope("INTERNAL_ERROR")))
        .hasMessageContaining("with error code INTERNAL_ERROR; an undocumented 501 may only carry NOT_IMPLEMENTED");
    assertThatThrownBy(() -> lenient.checkResponse("GET", "/api/v1/devices", 501, json(), "{\"error\":{}}"))
        .hasMessageContaining("breaks #/components/schemas/ErrorEnvelope: /error: required property 'code' not found");
    assertThatThrownBy(() -> lenient.checkResponse("GET", "/api/v1/nope", 501, json(), envelope("NOT_IMPLEMENTED")))
        .hasMessageContaining("may only be answered 404 or 405");
  }

  @Test
  void rejectsNonNumericRetryAfter() {
    Map<String, List<String>> headers =
        Map.of(
            "content-type", List.of("application/json"),
            "x-request-id", List.of("r1"),
            "retry-after", List.of("soon"));

    assertThatThrownBy(
            () -> validator.checkResponse("GET", "/api/v1/devices", 503, headers, envelope("DATABASE_UNAVAILABLE")))
        .hasMessage(
            "listDevices (GET /api/v1/devices) answered 503 with header Retry-After: soon that breaks "
                + "#/components/headers/RetryAfter: (root): string found, integer expected");
  }

  @Test
  void acceptsNumericRetryAfter() {
    Map<String, List<String>> headers =
        Map.of("Content-Type", List.of("application/json"), "X-Request-Id", List.of("r1"), "Retry-After", List.of("5"));

    assertThatCode(
            () -> validator.checkResponse("GET", "/api/v1/devices", 503, headers, envelope("DATABASE_UNAVAILABLE")))
        .doesNotThrowAnyException();
  }

  @Test
  void rejectsMissingRequestId() {
    assertThatThrownBy(
            () ->
                validator.checkResponse(
                    "GET", "/api/v1/devices/x", 200, Map.of("Content-Type", List.of("application/json")), device("open")))
        .hasMessage("getDevice (GET /api/v1/devices/{serial}) answered 200 without the X-Request-Id header the contract declares for it");
  }

  @Test
  void unknownRouteMayOnlyAnswer404Or405WithAnEnvelope() {
    assertThatCode(() -> validator.checkResponse("GET", "/api/v1/nope", 404, json(), envelope("ROUTE_NOT_FOUND")))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> validator.checkResponse("GET", "/api/v1/nope", 200, json(), "{}"))
        .hasMessage(
            "GET /api/v1/nope (no operation of the contract) answered 200; a request outside the "
                + "contract may only be answered 404 or 405 with an ErrorEnvelope");
    assertThatThrownBy(() -> validator.checkResponse("GET", "/api/v1/nope", 404, headers("text/html"), "<h1>404</h1>"))
        .hasMessageContaining("answered 404 with Content-Type text/html, not application/json with an ErrorEnvelope");
  }

  @Test
  void wrongMethodMayOnlyAnswer405WithAnEnvelope() {
    Map<String, List<String>> withAllow =
        Map.of("Content-Type", List.of("application/json"), "X-Request-Id", List.of("r1"), "Allow", List.of("GET"));

    assertThatCode(
            () -> validator.checkResponse("DELETE", "/api/v1/devices", 405, withAllow, envelope("METHOD_NOT_ALLOWED")))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> validator.checkResponse("DELETE", "/api/v1/devices", 405, json(), envelope("METHOD_NOT_ALLOWED")))
        .hasMessage(
            "DELETE /api/v1/devices (/api/v1/devices has only GET) answered 405 without the Allow header "
                + "a 405 carries (openapi.yaml info: \"405, with `Allow`\")");
    assertThatThrownBy(() -> validator.checkResponse("DELETE", "/api/v1/devices", 405, withAllow, envelope("ROUTE_NOT_FOUND")))
        .hasMessage(
            "DELETE /api/v1/devices (/api/v1/devices has only GET) answered 405 with error code "
                + "ROUTE_NOT_FOUND, which schemas/error-code.json x-error-codes documents with HTTP status 404");
  }

  @Test
  void corsPreflightMayAnswer204WithAllowedMethodsOr403Forbidden() {
    Map<String, List<String>> preflight =
        Map.of("X-Request-Id", List.of("r1"), "Access-Control-Allow-Methods", List.of("GET, HEAD, POST"));

    assertThatCode(() -> validator.checkResponse("OPTIONS", "/api/v1/executions", 204, preflight, ""))
        .doesNotThrowAnyException();
    assertThatCode(() -> validator.checkResponse("OPTIONS", "/api/v1/executions", 403, json(), envelope("FORBIDDEN")))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> validator.checkResponse("OPTIONS", "/api/v1/executions", 204, json(), ""))
        .hasMessageContaining("may only be answered 404 or 405");
    assertThatThrownBy(() -> validator.checkResponse("OPTIONS", "/api/v1/executions", 403, json(), envelope("ROUTE_NOT_FOUND")))
        .hasMessageContaining("answered 403 with error code ROUTE_NOT_FOUND");
  }

  @Test
  void aFeedAddressMayAnswerOverHttpOnlyToRefuseTheHandshake() {
    assertThatCode(
            () -> validator.checkResponse("GET", "/api/v1/ws/devices?since=3", 401, json(), envelope("UNAUTHENTICATED")))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> validator.checkResponse("GET", "/api/v1/ws/devices", 200, json(), "{}"))
        .hasMessageStartingWith("GET /api/v1/ws/devices (the address of ")
        .hasMessageContaining("answered 200 over HTTP; a feed's address answers without upgrading only to refuse the handshake");
    assertThatThrownBy(() -> validator.checkResponse("GET", "/api/v1/ws/devices", 403, json(), envelope("UNAUTHENTICATED")))
        .hasMessageContaining(
            "answered 403 with error code UNAUTHENTICATED, which schemas/error-code.json x-error-codes documents with HTTP status 401");
  }

  @Test
  void checksHeadAsGetWithoutABody() {
    assertThatCode(() -> validator.checkResponse("HEAD", "/health", 200, json(), ""))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> validator.checkResponse("HEAD", "/health", 202, json(), ""))
        .hasMessageStartingWith("getLiveness (GET /health) answered 202");
  }

  @Test
  void ignoresQueryAndMatchesRawPathsThatUriWouldRefuse() {
    assertThatCode(
            () -> validator.checkResponse("GET", "/api/v1/devices/%zz?x=1", 400, json(), envelope("INVALID_PARAMETER")))
        .doesNotThrowAnyException();
  }

  @Test
  void literalSchemaPathsAreOperationsOfTheirOwn() {
    assertThatCode(
            () ->
                validator.checkResponse(
                    "GET", "/api/v1/schemas/device.json", 200, headers("application/schema+json"), "{\"type\":\"object\"}"))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () -> validator.checkResponse("GET", "/api/v1/openapi.yaml", 200, headers("application/yaml"), ""))
        .hasMessage("getOpenApiDocument (GET /api/v1/openapi.yaml) answered 200 with an empty application/yaml body");
  }

  @Test
  void testRoutesAreOutsideTheContractButStillAnswerEnvelopes() {
    ContractValidator withTestRoutes = validator.allowingTestRoutes("/test/");

    assertThatCode(() -> withTestRoutes.checkResponse("GET", "/test/failure", 500, json(), envelope("INTERNAL_ERROR")))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> withTestRoutes.checkResponse("GET", "/test/failure", 500, headers("text/plain"), "boom"))
        .hasMessageStartingWith("test-only route GET /test/failure answered 500 with Content-Type text/plain");
    assertThatThrownBy(() -> validator.checkResponse("GET", "/test/failure", 500, json(), envelope("INTERNAL_ERROR")))
        .hasMessageContaining("may only be answered 404 or 405");
    assertThatThrownBy(() -> validator.allowingTestRoutes("test"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pathPrefix must look like /test/: test");
  }

  @Test
  void reportsEveryProblemOnItsOwnLine() {
    ContractViolation violation =
        org.junit.jupiter.api.Assertions.assertThrows(
            ContractViolation.class,
            () ->
                validator.checkResponse(
                    "GET", "/api/v1/devices/x", 200, Map.of("Content-Type", List.of("application/json")), device("melted")));

    assertThat(violation.problems()).hasSize(2);
    assertThat(violation.getMessage().lines()).hasSize(2);
  }

  static Map<String, List<String>> json() {
    return headers("application/json");
  }

  static Map<String, List<String>> headers(String contentType) {
    return Map.of("Content-Type", List.of(contentType), "X-Request-Id", List.of("4f1c2a9e"));
  }

  static String device(String breakerState) {
    return String.format(DEVICE, breakerState);
  }

  static String envelope(String code) {
    return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"m\"},\"request_id\":\"4f1c2a9e\"}";
  }
}
