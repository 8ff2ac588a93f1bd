package dev.towerline.spec.internal;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every list operation (a GET whose 200 body has a {@code data} array) takes {@code page_size} and
 * {@code page_token} and answers {@code metadata.next_page_token}.
 */
final class PaginationRules {
  static final Set<String> PAGE_PARAMETERS = Set.of("page_size", "page_token");

  private PaginationRules() {}

  static void check(CheckContext ctx) {
    for (Operation op : Operation.all(ctx.documents().openApi())) {
      if (!op.method().equals("get")) {
        continue;
      }
      Located schema = op.located().child("responses", "200", "content", ErrorResponseRules.JSON, "schema");
      ctx.references()
          .resolve(schema)
          .filter(body -> "array".equals(body.node().path("properties").path("data").path("type").asText()))
          .ifPresent(body -> checkListOperation(ctx, op, body));
    }
  }

  private static void checkListOperation(CheckContext ctx, Operation op, Located body) {
    Set<String> names =
        op.parameters(ctx.references()).stream()
            .map(p -> p.node().path("name").asText())
            .collect(Collectors.toSet());
    for (String required : PAGE_PARAMETERS) {
      if (!names.contains(required)) {
        ctx.findings().add(op.located(), "list operation " + op.label() + " has no " + required + " parameter");
      }
    }
    boolean hasNextToken =
        ctx.references()
            .resolve(body.child("properties", "metadata"))
            .map(metadata -> metadata.node().path("properties").has("next_page_token"))
            .orElse(false);
    if (!hasNextToken) {
      ctx.findings().add(body, "list response of " + op.label() + " has no metadata.next_page_token");
    }
  }
}
