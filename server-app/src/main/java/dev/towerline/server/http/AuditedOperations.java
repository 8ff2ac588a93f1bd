package dev.towerline.server.http;

import dev.towerline.spec.ContractDocuments;
import dev.towerline.spec.internal.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operations the audit log records, read from openapi.yaml: every operation that is not a
 * read ({@code GET}, {@code HEAD}, {@code OPTIONS}). A request is matched by method and path
 * against the path templates, so it is found even when a filter refused it before Jersey matched
 * a resource (a refusal before routing is still an attempted write).
 */
final class AuditedOperations {
  private static final List<String> READS = List.of("get", "head", "options");
  private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{([^/}]+)}");

  /** A request's operation and the values of its path parameters. */
  record Match(String operationId, Map<String, String> pathParameters) {}

  private record Route(String method, String operationId, Pattern path, List<String> parameters) {}

  private final List<Route> routes;

  private AuditedOperations(List<Route> routes) {
    this.routes = routes;
  }

  static AuditedOperations fromContract(ContractDocuments documents) {
    List<Route> routes = new ArrayList<>();
    for (Operation operation : Operation.all(documents.openApi())) {
      if (!READS.contains(operation.method()) && operation.operationId() != null) {
        routes.add(route(operation));
      }
    }
    return new AuditedOperations(List.copyOf(routes));
  }

  private static Route route(Operation operation) {
    List<String> parameters = new ArrayList<>();
    StringBuilder regex = new StringBuilder("/?");
    Matcher parameter = TEMPLATE_PARAMETER.matcher(operation.path().substring(1));
    int last = 0;
    while (parameter.find()) {
      regex.append(Pattern.quote(operation.path().substring(1).substring(last, parameter.start()))).append("([^/]+)");
      parameters.add(parameter.group(1));
      last = parameter.end();
    }
    regex.append(Pattern.quote(operation.path().substring(1).substring(last))).append("/?");
    return new Route(
        operation.method().toUpperCase(Locale.ROOT), operation.operationId(), Pattern.compile(regex.toString()), parameters);
  }

  /** The audited operation {@code method} on {@code path} (decoded, relative to the server's root) calls, if any. */
  Optional<Match> match(String method, String path) {
    for (Route route : routes) {
      if (!route.method().equalsIgnoreCase(method)) {
        continue;
      }
      Matcher matcher = route.path().matcher(path);
      if (matcher.matches()) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < route.parameters().size(); i++) {
          values.put(route.parameters().get(i), matcher.group(i + 1));
        }
        return Optional.of(new Match(route.operationId(), values));
      }
    }
    return Optional.empty();
  }
}
