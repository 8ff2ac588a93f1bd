package dev.towerline.spec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every operation is identified, tagged and documented, and every response declares the
 * {@code X-Request-Id} header the server always sends.
 */
final class OperationRules {
  private static final Pattern OPERATION_ID = Pattern.compile("^[a-z][A-Za-z0-9]*$");
  static final String REQUEST_ID_HEADER = "X-Request-Id";

  private OperationRules() {}

  static void check(CheckContext ctx) {
    Set<String> declaredTags = new HashSet<>();
    ctx.documents().openApi().path("tags").forEach(t -> declaredTags.add(t.path("name").asText()));
    Map<String, Operation> byId = new HashMap<>();
    for (Operation op : Operation.all(ctx.documents().openApi())) {
      checkIdentity(ctx, op, byId);
      checkTags(ctx, op, declaredTags);
      requireText(ctx, op.located(), "summary");
      requireText(ctx, op.located(), "description");
      checkResponsesDeclareRequestId(ctx, op);
    }
  }

  private static void checkIdentity(CheckContext ctx, Operation op, Map<String, Operation> byId) {
    String id = op.operationId();
    if (id == null) {
      ctx.findings().add(op.located(), "operation has no operationId");
      return;
    }
    if (!OPERATION_ID.matcher(id).matches()) {
      ctx.findings().add(op.located().child("operationId"), "operationId '" + id + "' is not lowerCamelCase");
    }
    Operation previous = byId.putIfAbsent(id, op);
    if (previous != null) {
      ctx.findings()
          .add(op.located().child("operationId"), "operationId '" + id + "' is also used by " + previous.located().pointer());
    }
  }

  private static void checkTags(CheckContext ctx, Operation op, Set<String> declared) {
    JsonNode tags = op.node().path("tags");
    if (!tags.isArray() || tags.isEmpty()) {
      ctx.findings().add(op.located(), op.label() + " has no tag");
      return;
    }
    for (int i = 0; i < tags.size(); i++) {
      if (!declared.contains(tags.get(i).asText())) {
        ctx.findings()
            .add(op.located().child("tags").element(i), "tag '" + tags.get(i).asText() + "' is not declared in /tags");
      }
    }
  }

  private static void requireText(CheckContext ctx, Located node, String field) {
    JsonNode value = node.node().get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      ctx.findings().add(node, "missing " + field);
    }
  }

  private static void checkResponsesDeclareRequestId(CheckContext ctx, Operation op) {
    Located responses = op.located().child("responses");
    if (!responses.present() || responses.node().isEmpty()) {
      ctx.findings().add(op.located(), op.label() + " documents no responses");
      return;
    }
    for (Iterator<String> it = responses.node().fieldNames(); it.hasNext(); ) {
      String status = it.next();
      ctx.references()
          .resolve(responses.child(status))
          .ifPresent(
              response -> {
                if (!response.node().path("headers").has(REQUEST_ID_HEADER)) {
                  ctx.findings().add(response, "response does not declare the " + REQUEST_ID_HEADER + " header");
                }
              });
    }
  }
}
