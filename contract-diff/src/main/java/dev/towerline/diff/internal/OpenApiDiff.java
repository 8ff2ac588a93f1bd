package dev.towerline.diff.internal;

import dev.towerline.diff.Severity;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Compares two OpenAPI documents operation by operation. */
public final class OpenApiDiff {
  private final Refs base;
  private final Refs candidate;
  private final ChangeLog log;
  private final Sunset sunset;
  private final SchemaDiff schemas;
  private final RequestDiff requests;
  private final ResponseDiff responses;
  private final SecurityDiff security;

  public OpenApiDiff(Refs base, Refs candidate, ChangeLog log, Sunset sunset) {
    this.base = base;
    this.candidate = candidate;
    this.log = log;
    this.sunset = sunset;
    this.schemas = new SchemaDiff(base, candidate, log, sunset);
    this.requests = new RequestDiff(base, candidate, log, sunset, schemas);
    this.responses = new ResponseDiff(base, candidate, log, sunset, schemas);
    this.security = new SecurityDiff(log);
  }

  public void compare(Located b, Located c) {
    Notes.compare(b.child("info"), c.child("info"), log, "openapi.info", "info", "title", "description", "contact", "license");
    if (!b.node().path("servers").equals(c.node().path("servers"))) {
      log.add(Severity.INFORMATIONAL, "openapi.servers-changed", c.child("servers"), "servers",
          "example server list changed; clients configure their own base URL");
    }
    securitySchemes(b, c);
    Map<String, Operation> before = Operation.all(b, base);
    Map<String, Operation> after = Operation.all(c, candidate);
    Set<String> moved = new HashSet<>();
    before.forEach((route, operation) -> {
      Operation same = after.get(route);
      if (same == null) {
        same = byOperationId(after, before, operation.operationId());
        if (same != null) {
          moved.add(same.route());
          log.add(Severity.BREAKING, "openapi.path-changed", same.node(), same.label(),
              operation.operationId() + " moved from " + operation.label() + " to " + same.label()
                  + "; clients calling the old route get 404/405");
        }
      }
      if (same == null) {
        sunset.judgeRemoval(operation.node(), log, "openapi.operation-removed", operation.label(),
            "clients calling " + operation.label() + " get 404/405");
      } else {
        operation(b, c, operation, same);
      }
    });
    after.forEach((route, operation) -> {
      if (!before.containsKey(route) && !moved.contains(route)) {
        log.add(Severity.COMPATIBLE, "openapi.operation-added", operation.node(), operation.label(), "new operation");
      }
    });
  }

  private static Operation byOperationId(Map<String, Operation> in, Map<String, Operation> notIn, String operationId) {
    if (operationId.isEmpty()) {
      return null;
    }
    for (Operation operation : in.values()) {
      if (operation.operationId().equals(operationId) && !notIn.containsKey(operation.route())) {
        return operation;
      }
    }
    return null;
  }

  private void operation(Located bDoc, Located cDoc, Operation b, Operation c) {
    String where = c.label();
    Notes.compare(b.node(), c.node(), log, "openapi.operation", where, "summary", "description", "tags");
    Notes.extensions(b.node(), c.node(), log, "openapi.operation", where);
    if (!b.operationId().equals(c.operationId())) {
      log.add(Severity.INFORMATIONAL, "openapi.operation-id-changed", c.node().child("operationId"), where,
          "operationId " + b.operationId() + " → " + c.operationId() + ": generated method names change, the wire does not");
    }
    if (!b.node().node().path("deprecated").asBoolean(false) && c.node().node().path("deprecated").asBoolean(false)) {
      log.add(Severity.INFORMATIONAL, "openapi.operation-deprecated", c.node().child("deprecated"), where,
          "deprecated; still works until its x-sunset");
    }
    requests.compare(b, c, where);
    responses.compare(b, c, where);
    security.compare(effectiveSecurity(bDoc, b), effectiveSecurity(cDoc, c), where);
  }

  private static Located effectiveSecurity(Located document, Operation operation) {
    return operation.node().node().has("security") ? operation.node().child("security") : document.child("security");
  }

  private void securitySchemes(Located b, Located c) {
    Located before = b.child("components").child("securitySchemes");
    Located after = c.child("components").child("securitySchemes");
    for (String name : SchemaDiff.fieldNames(before.node())) {
      Located scheme = base.deref(before.child(name));
      if (!after.node().has(name)) {
        log.add(Severity.BREAKING, "security.scheme-removed", scheme, "security scheme " + name,
            "clients authenticating with " + name + " lose it");
        continue;
      }
      Located changed = candidate.deref(after.child(name));
      for (String key : new String[] {"type", "scheme", "in", "name", "bearerFormat", "flows", "openIdConnectUrl"}) {
        if (!scheme.node().path(key).equals(changed.node().path(key))) {
          log.add(Severity.BREAKING, "security.scheme-changed", changed.child(key), "security scheme " + name,
              key + " changed; clients send credentials the old way");
        }
      }
      Notes.compare(scheme, changed, log, "security.scheme", "security scheme " + name, "description");
      Notes.extensions(scheme, changed, log, "security.scheme", "security scheme " + name);
    }
    for (String name : SchemaDiff.fieldNames(after.node())) {
      if (!before.node().has(name)) {
        log.add(Severity.COMPATIBLE, "security.scheme-added", after.child(name), "security scheme " + name,
            "new way to authenticate; operations decide whether they need it");
      }
    }
  }
}
