package dev.towerline.diff.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.diff.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code allOf}, {@code anyOf} and {@code oneOf}. Members are matched by what they reference (or
 * their title, or their position) and compared member by member: an {@code allOf} member adds
 * constraints, an {@code anyOf}/{@code oneOf} alternative adds accepted shapes.
 */
final class SchemaComposition {
  static final Set<String> KEYWORDS = Set.of("allOf", "anyOf", "oneOf", "discriminator", "not");

  private final SchemaDiff schemas;
  private final Refs base;
  private final Refs candidate;
  private final ChangeLog log;

  SchemaComposition(SchemaDiff schemas, Refs base, Refs candidate, ChangeLog log) {
    this.schemas = schemas;
    this.base = base;
    this.candidate = candidate;
    this.log = log;
  }

  void compare(Located b, Located c, Direction direction, String where, Set<String> visited) {
    for (String keyword : List.of("allOf", "anyOf", "oneOf")) {
      members(b, c, keyword, direction, where, visited);
    }
    discriminator(b, c, direction, where);
    if (!b.node().path("not").equals(c.node().path("not"))) {
      log.add(Severity.BREAKING, direction.rule("not-changed"), c.child("not"), where,
          "'not' changed; the diff cannot show the new one accepts the same values");
    }
  }

  private void members(Located b, Located c, String keyword, Direction direction, String where, Set<String> visited) {
    boolean inBase = b.node().path(keyword).isArray();
    boolean inCandidate = c.node().path(keyword).isArray();
    if (!inBase && !inCandidate) {
      return;
    }
    String name = keyword.equals("allOf") ? "all-of" : keyword.equals("anyOf") ? "any-of" : "one-of";
    if (inBase != inCandidate) {
      log.add(Severity.BREAKING, direction.rule(name + (inCandidate ? "-introduced" : "-dropped")), c.child(keyword), where,
          keyword + (inCandidate ? " now composes the schema" : " no longer composes the schema")
              + "; the diff cannot show the two accept the same values");
      return;
    }
    boolean conjunction = keyword.equals("allOf");
    Map<String, Located> before = keyed(b.child(keyword), base);
    Map<String, Located> after = keyed(c.child(keyword), candidate);
    before.forEach((key, member) -> {
      if (after.containsKey(key)) {
        schemas.compare(member, after.get(key), direction, where, visited);
      } else if (conjunction) {
        log.add(direction.widening(), direction.rule("all-of-member-removed"), member, where,
            "constraint " + key + " no longer applies");
      } else {
        log.add(direction.narrowing(), direction.rule(name + "-alternative-removed"), member, where,
            "alternative " + key + (direction == Direction.REQUEST ? " is no longer accepted" : " is no longer sent"));
      }
    });
    after.forEach((key, member) -> {
      if (before.containsKey(key)) {
        return;
      }
      if (conjunction) {
        log.add(direction.narrowing(), direction.rule("all-of-member-added"), member, where,
            "constraint " + key + " now applies too");
      } else {
        log.add(direction.widening(), direction.rule(name + "-alternative-added"), member, where,
            "alternative " + key + (direction == Direction.REQUEST ? " is accepted too" : " may be sent; clients do not know it"));
      }
    });
  }

  /** Members keyed by the file or component they reference, else by title, else by position. */
  private static Map<String, Located> keyed(Located array, Refs refs) {
    Map<String, Located> keyed = new LinkedHashMap<>();
    JsonNode members = array.node();
    for (int i = 0; i < members.size(); i++) {
      Located member = array.item(i);
      String key;
      if (Refs.isRef(member.node())) {
        Located target = refs.deref(member);
        key = target.address();
      } else if (member.node().path("title").isTextual()) {
        key = "'" + member.node().get("title").asText() + "'";
      } else {
        key = "#" + i;
      }
      keyed.putIfAbsent(key, member);
    }
    return keyed;
  }

  private void discriminator(Located b, Located c, Direction direction, String where) {
    String before = b.node().path("discriminator").path("propertyName").asText("");
    String after = c.node().path("discriminator").path("propertyName").asText("");
    if (!before.equals(after)) {
      log.add(Severity.BREAKING, direction.rule("discriminator-changed"), c.child("discriminator"), where,
          "discriminator property '" + before + "' → '" + after + "'");
    } else if (!b.node().path("discriminator").equals(c.node().path("discriminator"))) {
      log.add(Severity.INFORMATIONAL, "schema.discriminator-mapping-changed", c.child("discriminator"), where,
          "discriminator mapping changed; the alternatives themselves are compared above");
    }
  }
}
