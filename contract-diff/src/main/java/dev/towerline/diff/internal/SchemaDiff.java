package dev.towerline.diff.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.diff.Severity;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Compares two schemas by direction, following {@code $ref}s into the schema files, through
 * properties, array items, additional properties and {@code allOf}/{@code anyOf}/{@code oneOf}.
 */
public final class SchemaDiff {
  private static final Set<String> DOCUMENTATION = Set.of("description", "title", "example", "examples", "$comment");

  private final Refs base;
  private final Refs candidate;
  private final ChangeLog log;
  private final Sunset sunset;
  private final SchemaConstraints constraints;
  private final SchemaComposition composition;

  public SchemaDiff(Refs base, Refs candidate, ChangeLog log, Sunset sunset) {
    this.base = base;
    this.candidate = candidate;
    this.log = log;
    this.sunset = sunset;
    this.constraints = new SchemaConstraints(log);
    this.composition = new SchemaComposition(this, base, candidate, log);
  }

  /** Compares the schema at {@code before} (base) with the one at {@code after} (candidate) as seen by {@code where}. */
  public void compare(Located before, Located after, Direction direction, String where) {
    compare(before, after, direction, where, new HashSet<>());
  }

  void compare(Located before, Located after, Direction direction, String where, Set<String> visited) {
    Located b = base.deref(before);
    Located c = candidate.deref(after);
    if (!b.exists() && !c.exists()) {
      return;
    }
    if (!c.exists() && Refs.isRef(after.node())) {
      log.add(Severity.BREAKING, "schema.unresolved-ref", after, where,
          "the candidate's $ref " + after.node().get("$ref").asText() + " points nowhere");
      return;
    }
    if (!b.exists()) {
      log.add(direction.narrowing(), direction.rule("schema-added"), c, where,
          "a schema now constrains what used to be free (" + direction.meaning() + ")");
      return;
    }
    if (!c.exists()) {
      log.add(direction.widening(), direction.rule("schema-removed"), b, where,
          "a schema no longer constrains it (" + direction.meaning() + ")");
      return;
    }
    if (!visited.add(b.address() + "|" + c.address() + "|" + direction)) {
      return;
    }
    JsonNode bn = b.node();
    JsonNode cn = c.node();
    if (!bn.isObject() || !cn.isObject()) {
      if (!bn.equals(cn)) {
        log.add(Severity.BREAKING, direction.rule("schema-changed"), c, where, "boolean schema " + bn + " → " + cn);
      }
      return;
    }
    documentation(b, c, where);
    constraints.compare(b, c, direction, where);
    properties(b, c, direction, where, visited);
    compare(b.child("items"), c.child("items"), direction, where, visited);
    additionalProperties(b, c, direction, where, visited);
    composition.compare(b, c, direction, where, visited);
    extensions(b, c, where);
    otherKeywords(b, c, where);
  }

  private void documentation(Located b, Located c, String where) {
    for (String key : DOCUMENTATION) {
      if (!b.node().path(key).equals(c.node().path(key))) {
        log.add(Severity.INFORMATIONAL, "schema." + (key.startsWith("ex") ? "example" : "description") + "-changed",
            c.child(key), where, key + " changed; nothing a client parses");
      }
    }
  }

  private void properties(Located b, Located c, Direction direction, String where, Set<String> visited) {
    Located bProps = b.child("properties");
    Located cProps = c.child("properties");
    Set<String> bRequired = names(b.node().path("required"));
    Set<String> cRequired = names(c.node().path("required"));
    boolean cClosed = c.node().path("additionalProperties").isBoolean() && !c.node().path("additionalProperties").asBoolean();
    for (String name : fieldNames(bProps.node())) {
      Located removed = bProps.child(name);
      if (cProps.node().has(name)) {
        compare(bProps.child(name), cProps.child(name), direction, where, visited);
      } else if (direction == Direction.RESPONSE) {
        sunset.judgeRemoval(removed, log, "response.property-removed", where,
            "clients that read '" + name + "' no longer get it");
      } else if (cClosed) {
        sunset.judgeRemoval(removed, log, "request.property-removed", where,
            "clients that send '" + name + "' are refused (additionalProperties: false)");
      } else {
        log.add(Severity.COMPATIBLE, "request.property-removed", removed, where,
            "'" + name + "' is no longer declared but is still accepted as an additional property");
      }
    }
    for (String name : fieldNames(cProps.node())) {
      if (bProps.node().has(name)) {
        continue;
      }
      if (direction == Direction.REQUEST && cRequired.contains(name)) {
        log.add(Severity.BREAKING, "request.required-property-added", cProps.child(name), where,
            "clients must now send '" + name + "', which they never did");
      } else if (direction == Direction.REQUEST) {
        log.add(Severity.COMPATIBLE, "request.property-added", cProps.child(name), where,
            "optional '" + name + "': clients may send it, need not");
      } else {
        log.add(Severity.COMPATIBLE, "response.property-added", cProps.child(name), where,
            "new field '" + name + "': clients ignore fields they do not know (FR-607)");
      }
    }
    for (String name : cRequired) {
      if (!bRequired.contains(name) && (bProps.node().has(name) || !cProps.node().has(name))) {
        log.add(direction.narrowing(), direction.rule("property-became-required"), c.child("required"), where,
            direction == Direction.REQUEST
                ? "clients that omit '" + name + "' are now refused"
                : "'" + name + "' is now always present");
      }
    }
    for (String name : bRequired) {
      if (!cRequired.contains(name) && (cProps.node().has(name) || !bProps.node().has(name))) {
        log.add(direction.widening(), direction.rule("property-became-optional"), c.child("required"), where,
            direction == Direction.REQUEST
                ? "clients may now omit '" + name + "'"
                : "clients that rely on '" + name + "' being present may not get it");
      }
    }
  }

  private void additionalProperties(Located b, Located c, Direction direction, String where, Set<String> visited) {
    JsonNode bn = b.node().path("additionalProperties");
    JsonNode cn = c.node().path("additionalProperties");
    boolean bOpen = !(bn.isBoolean() && !bn.asBoolean());
    boolean cOpen = !(cn.isBoolean() && !cn.asBoolean());
    if (bOpen && !cOpen) {
      log.add(direction.narrowing(), direction.rule("additional-properties-closed"), c.child("additionalProperties"), where,
          direction == Direction.REQUEST
              ? "fields beyond the declared ones are now refused"
              : "the server no longer sends undeclared fields");
    } else if (!bOpen && cOpen) {
      log.add(Severity.COMPATIBLE, direction.rule("additional-properties-opened"), c.child("additionalProperties"), where,
          direction == Direction.REQUEST
              ? "undeclared fields are now accepted"
              : "undeclared fields may appear; clients ignore fields they do not know (FR-607)");
    } else if (bn.isObject() || cn.isObject()) {
      compare(b.child("additionalProperties"), c.child("additionalProperties"), direction, where, visited);
    }
  }

  private void extensions(Located b, Located c, String where) {
    Set<String> keys = new LinkedHashSet<>(fieldNames(b.node()));
    keys.addAll(fieldNames(c.node()));
    for (String key : keys) {
      if (key.startsWith("x-") && !key.equals(SchemaConstraints.EXTENSIBLE_ENUM)
          && !b.node().path(key).equals(c.node().path(key))) {
        log.add(Severity.INFORMATIONAL, "schema.extension-changed", c.child(key), where,
            "vendor extension " + key + " changed; not part of the wire format");
      }
    }
  }

  private void otherKeywords(Located b, Located c, String where) {
    Set<String> keys = new LinkedHashSet<>(fieldNames(b.node()));
    keys.addAll(fieldNames(c.node()));
    for (String key : keys) {
      if (key.startsWith("x-") || DOCUMENTATION.contains(key) || SchemaConstraints.KEYWORDS.contains(key)
          || SchemaComposition.KEYWORDS.contains(key)
          || Set.of("properties", "required", "items", "additionalProperties").contains(key)) {
        continue;
      }
      if (!b.node().path(key).equals(c.node().path(key))) {
        log.add(Severity.INFORMATIONAL, "schema.keyword-changed", c.child(key), where,
            "'" + key + "' changed; the diff does not judge it, review it by hand");
      }
    }
  }

  static Set<String> names(JsonNode array) {
    Set<String> names = new LinkedHashSet<>();
    array.forEach(n -> names.add(n.asText()));
    return names;
  }

  static Set<String> fieldNames(JsonNode object) {
    Set<String> names = new LinkedHashSet<>();
    for (java.util.Map.Entry<String, JsonNode> field : object.properties()) {
      names.add(field.getKey());
    }
    return names;
  }
}
