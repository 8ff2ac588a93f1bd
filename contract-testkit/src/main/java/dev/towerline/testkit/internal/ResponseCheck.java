package dev.towerline.testkit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.spec.internal.ErrorCodes;
import dev.towerline.testkit.internal.ContractModel.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules for one HTTP answer. A request that reaches an operation must get a documented
 * status, a documented media type, a body that fits that media type's schema and documented
 * headers that fit theirs ({@code X-Request-Id} present). A request outside the contract (no
 * path, or not this method) may only get 404 or 405 with an ErrorEnvelope, or, for an {@code OPTIONS}
 * CORS preflight, 204 with {@code Access-Control-Allow-Methods} or 403 {@code FORBIDDEN}. Every 4xx/5xx code
 * must be documented with that very status in {@code x-error-codes}.
 */
public final class ResponseCheck {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final String REQUEST_ID = "X-Request-Id";
  private static final String NOT_IMPLEMENTED = "NOT_IMPLEMENTED";

  private final ContractModel contract;
  private final Allowances allowances;
  private final HttpExchange exchange;
  private final List<String> problems = new ArrayList<>();
  private JsonNode parsedBody;
  private String bodyError;

  private ResponseCheck(ContractModel contract, Allowances allowances, HttpExchange exchange) {
    this.contract = contract;
    this.allowances = allowances;
    this.exchange = exchange;
  }

  /** Every way {@code exchange} breaks the contract, one sentence each; empty when it fits. */
  public static List<String> problems(ContractModel contract, Allowances allowances, HttpExchange exchange) {
    ResponseCheck check = new ResponseCheck(contract, allowances, exchange);
    check.run();
    return List.copyOf(check.problems);
  }

  private void run() {
    String prefix = allowances.testRoutePrefix();
    if (prefix != null && exchange.rawPath().startsWith(prefix)) {
      if (exchange.status() >= 400) {
        checkEnvelope(answered("test-only route " + exchange.request()), null);
      }
      return;
    }
    Optional<ChannelSpec> channel = contract.channel(exchange.rawPath());
    if (channel.isPresent()) {
      checkRefusedHandshake(channel.get());
      return;
    }
    Optional<Route> route = contract.route(exchange.rawPath());
    Optional<OperationSpec> operation = route.flatMap(this::operationFor);
    if (operation.isEmpty()) {
      checkOutsideContract(route);
      return;
    }
    OperationSpec op = operation.get();
    String answered = answered(op.label());
    Optional<ResponseSpec> response = op.response(exchange.status());
    if (response.isPresent()) {
      checkHeaders(answered, response.get());
      checkBody(answered, response.get());
      checkErrorCode(answered);
    } else if (exchange.status() == 501 && allowances.notImplemented()) {
      checkEnvelope(answered, NOT_IMPLEMENTED);
    } else {
      problems.add(
          answered
              + ", a status the contract does not document for it (documented: "
              + String.join(", ", op.responses().keySet())
              + ")"
              + (exchange.status() == 501 ? "; allowingNotImplemented() accepts it while the operation is unbuilt" : ""));
    }
  }

  /** HEAD is answered like GET without a body (RFC 9110 §9.3.2), so it is checked as GET's response. */
  private Optional<OperationSpec> operationFor(Route route) {
    OperationSpec op = route.byMethod().get(exchange.method());
    if (op == null && isHead()) {
      op = route.byMethod().get("GET");
    }
    return Optional.ofNullable(op);
  }

  private void checkOutsideContract(Optional<Route> route) {
    String where =
        route
            .map(r -> exchange.request() + " (" + r.template() + " has only " + String.join(", ", r.byMethod().keySet()) + ")")
            .orElse(exchange.request() + " (no operation of the contract)");
    int status = exchange.status();
    if (isCorsPreflight()) {
      // openapi.yaml info, "CORS": preflights are answered before routing, for every path.
      if (status == 204 && exchange.header("Access-Control-Allow-Methods") != null) {
        return;
      }
      if (status == 403) {
        checkEnvelope(answered(where), "FORBIDDEN");
        return;
      }
    }
    if (status != 404 && status != 405) {
      problems.add(
          answered(where) + "; a request outside the contract may only be answered 404 or 405 with an ErrorEnvelope");
      return;
    }
    if (status == 405 && exchange.header("Allow") == null) {
      problems.add(answered(where) + " without the Allow header a 405 carries (openapi.yaml info: \"405, with `Allow`\")");
    }
    checkEnvelope(answered(where), null);
  }

  /** An {@code OPTIONS} request answered as a CORS preflight (the request's own headers are not part of the exchange). */
  private boolean isCorsPreflight() {
    return exchange.method().equals("OPTIONS") && (exchange.status() == 204 || exchange.status() == 403);
  }

  /**
   * A feed's address answers plain HTTP only to refuse the handshake (asyncapi.yaml info:
   * "Authorization"): a 4xx/5xx with a sound envelope whose code is documented with that status.
   */
  private void checkRefusedHandshake(ChannelSpec channel) {
    String answered = answered(exchange.request() + " (the address of " + channel.label() + ")");
    if (exchange.status() < 400) {
      problems.add(answered + " over HTTP; a feed's address answers without upgrading only to refuse the handshake, with 4xx/5xx and an ErrorEnvelope");
      return;
    }
    checkEnvelope(answered, null);
  }

  private void checkHeaders(String answered, ResponseSpec response) {
    for (HeaderSpec header : response.headers()) {
      List<String> values = exchange.headerValues(header.name());
      if (values.isEmpty()) {
        if (header.required() || header.name().equalsIgnoreCase(REQUEST_ID)) {
          problems.add(answered + " without the " + header.name() + " header the contract declares for it");
        }
        continue;
      }
      if (header.schema() == null) {
        continue;
      }
      for (String value : values) {
        for (String message : contract.validate(header.schema(), HeaderValues.asJson(value, header.type()))) {
          problems.add(
              answered + " with header " + header.name() + ": " + value + " that breaks " + header.schema().name() + ": " + message);
        }
      }
    }
  }

  private void checkBody(String answered, ResponseSpec response) {
    Map<String, SchemaRef> content = response.content();
    if (content.isEmpty()) {
      if (!exchange.body().isEmpty()) {
        problems.add(answered + " with a body, but the contract declares none for " + response.status());
      }
      return;
    }
    String contentType = exchange.header("Content-Type");
    if (contentType == null) {
      if (!isHead() || !exchange.body().isEmpty()) {
        problems.add(answered + " without a Content-Type; the contract declares " + String.join(", ", content.keySet()));
      }
      return;
    }
    String mediaType = MediaTypes.base(contentType);
    if (!content.containsKey(mediaType)) {
      problems.add(
          answered + " with Content-Type " + contentType + ", not one the contract declares (" + String.join(", ", content.keySet()) + ")");
      return;
    }
    if (isHead()) {
      return;
    }
    if (!MediaTypes.isJson(mediaType)) {
      if (exchange.body().isEmpty()) {
        problems.add(answered + " with an empty " + mediaType + " body");
      }
      return;
    }
    SchemaRef schema = content.get(mediaType);
    json().ifPresentOrElse(
        body -> {
          if (schema != null) {
            contract.validate(schema, body).forEach(m -> problems.add(answered + " with a body that breaks " + schema.name() + ": " + m));
          }
        },
        () -> problems.add(answered + " with a body that is not JSON (" + bodyError + ")"));
  }

  /** A 4xx/5xx code must be documented with this very status (schemas/error-code.json x-error-codes). */
  private void checkErrorCode(String answered) {
    if (exchange.status() < 400) {
      return;
    }
    JsonNode code = json().map(b -> b.path("error").path("code")).orElse(null);
    ErrorCodes codes = contract.errorCodes();
    if (code == null || !code.isTextual() || !codes.contains(code.asText())) {
      return; // the envelope's schema already names a missing or unknown code
    }
    Integer documented = codes.httpStatus(code.asText());
    if (documented == null || documented != exchange.status()) {
      problems.add(
          answered
              + " with error code "
              + code.asText()
              + ", which "
              + ErrorCodes.FILE
              + " x-error-codes documents "
              + (documented == null ? "with no HTTP status (executions and frames only)" : "with HTTP status " + documented));
    }
  }

  /** An answer that is not a documented response: it must still be a sound error envelope. */
  private void checkEnvelope(String answered, String requiredCode) {
    if (exchange.header(REQUEST_ID) == null) {
      problems.add(answered + " without the " + REQUEST_ID + " header every answer carries");
    }
    String contentType = exchange.header("Content-Type");
    if (contentType == null || !MediaTypes.base(contentType).equals("application/json")) {
      problems.add(answered + " with Content-Type " + contentType + ", not application/json with an ErrorEnvelope");
      return;
    }
    Optional<JsonNode> body = json();
    if (body.isEmpty()) {
      problems.add(answered + " with a body that is not JSON (" + bodyError + ")");
      return;
    }
    SchemaRef envelope = contract.errorEnvelope();
    contract.validate(envelope, body.get()).forEach(m -> problems.add(answered + " with a body that breaks " + envelope.name() + ": " + m));
    String code = body.get().path("error").path("code").asText(null);
    if (requiredCode != null && code != null && !requiredCode.equals(code)) {
      problems.add(answered + " with error code " + code + "; an undocumented " + exchange.status() + " may only carry " + requiredCode);
    }
    checkErrorCode(answered);
  }

  private Optional<JsonNode> json() {
    if (parsedBody == null && bodyError == null) {
      if (exchange.body().isBlank()) {
        bodyError = "the body is empty";
      } else {
        try {
          parsedBody = JSON.readTree(exchange.body());
        } catch (JsonProcessingException e) {
          bodyError = e.getOriginalMessage();
        }
      }
    }
    return Optional.ofNullable(parsedBody);
  }

  private boolean isHead() {
    return exchange.method().equals("HEAD");
  }

  private String answered(String who) {
    return who + " answered " + exchange.status();
  }
}
