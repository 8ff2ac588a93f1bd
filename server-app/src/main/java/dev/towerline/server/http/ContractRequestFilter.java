package dev.towerline.server.http;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.contract.BodyRule;
import dev.towerline.server.contract.OperationRules;
import dev.towerline.server.contract.ParameterRule;
import dev.towerline.server.contract.RequestContract;
import dev.towerline.server.contract.Violation;
import dev.towerline.server.error.ApiException;
import dev.towerline.server.json.StrictJsonReader;
import dev.towerline.server.logging.SecretRedaction;
import dev.towerline.server.text.UnicodeText;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks every request against its operation in openapi.yaml before the resource sees it: unknown,
 * repeated, missing or invalid parameters are one 400 {@code INVALID_PARAMETER}; a body that breaks
 * the operation's schema is one 400 {@code VALIDATION_FAILED} listing every violation. Operations
 * are found by the resource method's name, which the generated interfaces take from {@code
 * operationId}; routes outside the contract are left alone.
 */
@Priority(Priorities.USER)
public final class ContractRequestFilter implements ContainerRequestFilter {
  private static final String NOT_UNICODE = UnicodeText.NOT_UNICODE;
  // Echo at most this much of a value back to the client.
  private static final int MAX_ECHO_LENGTH = 128;

  private final RequestContract contract;
  private final StrictJsonReader reader = new StrictJsonReader();

  @Context private ResourceInfo resource;

  @Inject
  public ContractRequestFilter(RequestContract contract) {
    this.contract = contract;
  }

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    // Jersey's routing context is itself the matched ResourceInfo; the injected proxy costs a lookup.
    Method method =
        (request.getUriInfo() instanceof ResourceInfo matched ? matched : resource).getResourceMethod();
    Optional<OperationRules> operation =
        method == null ? Optional.empty() : contract.operation(method.getName());
    if (operation.isEmpty()) {
      return;
    }
    ParameterFindings parameters = new ParameterFindings();
    checkQuery(operation.get(), request.getUriInfo().getRequestUri().getRawQuery(), parameters);
    checkPath(operation.get(), request, parameters);
    checkHeaders(operation.get(), request, parameters);
    if (!parameters.violations.isEmpty()) {
      throw parameters.refusal();
    }
    Optional<BodyRule> body = operation.get().body();
    if (body.isPresent()) {
      checkBody(body.get(), request);
    }
  }

  /**
   * Whether {@code rawQuery} (undecoded, or null) passes the query check of {@code operation}: the
   * same check this filter runs, for paths that answer without Jersey.
   */
  public static boolean acceptsQuery(OperationRules operation, String rawQuery) {
    ParameterFindings findings = new ParameterFindings();
    checkQuery(operation, rawQuery, findings);
    return findings.violations.isEmpty();
  }

  private static void checkQuery(OperationRules operation, String rawQuery, ParameterFindings findings) {
    RawQuery.Decoded query = RawQuery.decode(rawQuery);
    for (RawQuery.Undecodable bad : query.undecodable()) {
      findings.add(new Violation(bad.name(), NOT_UNICODE), null);
    }
    List<ParameterRule> declared = operation.parameters("query");
    for (Map.Entry<String, List<String>> sent : query.parameters().entrySet()) {
      String name = sent.getKey();
      String value = sent.getValue().get(0);
      Optional<ParameterRule> rule = operation.parameter("query", name);
      Optional<String> unusable = UnicodeText.refusal(value);
      if (rule.isEmpty()) {
        // A credential sent where it does not belong is named, never echoed.
        findings.add(new Violation(name, unknownReason(declared)), SecretRedaction.isSecretParameter(name) ? null : value);
      } else if (sent.getValue().size() > 1) {
        findings.add(new Violation(name, "must be given at most once"), value);
      } else if (unusable.isPresent()) {
        findings.add(new Violation(name, unusable.get()), value);
      } else {
        rule.get().check(value).forEach(v -> findings.add(v, value));
      }
    }
    for (ParameterRule rule : declared) {
      if (rule.required() && !query.parameters().containsKey(rule.name())) {
        findings.add(new Violation(rule.name(), "is required"), null);
      }
    }
  }

  private static void checkPath(OperationRules operation, ContainerRequestContext request, ParameterFindings findings) {
    Map<String, List<String>> raw = request.getUriInfo().getPathParameters(false);
    for (ParameterRule rule : operation.parameters("path")) {
      List<String> values = raw.get(rule.name());
      if (values == null || values.isEmpty()) {
        continue;
      }
      Optional<String> value = RawQuery.component(values.get(0), false);
      if (value.isEmpty()) {
        findings.add(new Violation(rule.name(), NOT_UNICODE), null);
      } else if (UnicodeText.refusal(value.get()).isPresent()) {
        findings.add(new Violation(rule.name(), UnicodeText.refusal(value.get()).get()), value.get());
      } else {
        rule.check(value.get()).forEach(v -> findings.add(v, value.get()));
      }
    }
  }

  private static void checkHeaders(OperationRules operation, ContainerRequestContext request, ParameterFindings findings) {
    for (ParameterRule rule : operation.parameters("header")) {
      List<String> values = request.getHeaders().get(rule.name());
      if (values == null || values.isEmpty()) {
        if (rule.required()) {
          findings.add(new Violation(rule.name(), "is required"), null);
        }
      } else if (values.size() > 1) {
        findings.add(new Violation(rule.name(), "must be given at most once"), null);
      } else if (UnicodeText.refusal(values.get(0)).isPresent()) {
        findings.add(new Violation(rule.name(), UnicodeText.refusal(values.get(0)).get()), null);
      } else {
        rule.check(values.get(0)).forEach(v -> findings.add(v, values.get(0)));
      }
    }
  }

  private void checkBody(BodyRule rule, ContainerRequestContext request) throws IOException {
    byte[] bytes = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
    StrictJsonReader.Parsed parsed = reader.read(bytes);
    List<Violation> violations = new ArrayList<>(parsed.violations());
    if (parsed.value() == null) {
      if (rule.required()) {
        violations.add(new Violation("body", "is required"));
      }
    } else {
      violations.addAll(rule.check(parsed.value()));
    }
    if (!violations.isEmpty()) {
      List<Violation> distinct = violations.stream().distinct().toList();
      throw new ApiException(
          ErrorCode.VALIDATION_FAILED,
          "Request body is invalid: " + distinct.stream().map(Violation::toString).collect(Collectors.joining("; ")),
          Map.of("violations", distinct.stream().map(Violation::toDetails).toList()));
    }
    request.setEntityStream(new ByteArrayInputStream(bytes));
  }

  private static String unknownReason(List<ParameterRule> declared) {
    if (declared.isEmpty()) {
      return "is not a parameter of this operation, which takes none";
    }
    return "is not a parameter of this operation, which takes "
        + declared.stream().map(ParameterRule::name).collect(Collectors.joining(", "));
  }

  /** Parameter violations in the order found, with the value each was given (null when none or unsafe to echo). */
  private static final class ParameterFindings {
    private final List<Violation> violations = new ArrayList<>();
    private String firstValue;

    void add(Violation violation, String value) {
      if (violations.isEmpty()) {
        firstValue = value;
      }
      violations.add(violation);
    }

    ApiException refusal() {
      List<Violation> violations = this.violations.stream().distinct().toList();
      Violation first = violations.get(0);
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("parameter", first.field());
      if (firstValue != null) {
        String value = firstValue.length() > MAX_ECHO_LENGTH ? firstValue.substring(0, MAX_ECHO_LENGTH) : firstValue;
        // Printable after cutting: the cut may split a surrogate pair.
        details.put("value", UnicodeText.printable(value));
      }
      details.put("reason", first.reason());
      details.put("violations", violations.stream().map(Violation::toDetails).toList());
      String message =
          violations.size() == 1
              ? first.toString()
              : "Invalid parameters: " + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
      return new ApiException(ErrorCode.INVALID_PARAMETER, message, details);
    }
  }
}
