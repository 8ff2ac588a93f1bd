package dev.towerline.diff.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.diff.Severity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The value constraints of one schema: type, format, enum, bounds, pattern, nullability, default. */
final class SchemaConstraints {
  /** Marks an enum whose consumers were promised to accept values they do not know. */
  static final String EXTENSIBLE_ENUM = "x-extensible-enum";

  private static final Map<String, String> LOWER_BOUNDS = Map.of(
      "minimum", "minimum", "minLength", "min-length", "minItems", "min-items", "minProperties", "min-properties");
  private static final Map<String, String> UPPER_BOUNDS = Map.of(
      "maximum", "maximum", "maxLength", "max-length", "maxItems", "max-items", "maxProperties", "max-properties");

  static final Set<String> KEYWORDS = Set.of("type", "format", "enum", "const", "minimum", "maximum",
      "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems", "minProperties",
      "maxProperties", "multipleOf", "uniqueItems", "pattern", "nullable", "default", "deprecated");

  private final ChangeLog log;

  SchemaConstraints(ChangeLog log) {
    this.log = log;
  }

  void compare(Located b, Located c, Direction direction, String where) {
    type(b, c, direction, where);
    format(b, c, direction, where);
    enumeration(b, c, direction, where);
    bounds(b, c, direction, where);
    exclusive(b, c, direction, where);
    pattern(b, c, direction, where);
    flag(b, c, direction, where, "nullable", "null is now accepted", "null is no longer accepted");
    flag(b, c, direction, where, "uniqueItems", "duplicates are no longer allowed", "duplicates are now allowed", true);
    multipleOf(b, c, direction, where);
    defaults(b, c, direction, where);
    if (!b.node().path("deprecated").asBoolean(false) && c.node().path("deprecated").asBoolean(false)) {
      log.add(Severity.INFORMATIONAL, "schema.deprecated", c.child("deprecated"), where, "marked deprecated; still works");
    }
  }

  private void type(Located b, Located c, Direction direction, String where) {
    Set<String> before = types(b.node());
    Set<String> after = types(c.node());
    if (before.equals(after)) {
      return;
    }
    boolean widens = accepts(after, before);
    boolean narrows = accepts(before, after);
    String change = "type " + show(before) + " → " + show(after);
    if (widens && !narrows) {
      log.add(direction.widening(), direction.rule("type-widened"), c.child("type"), where,
          change + (direction == Direction.REQUEST ? ": accepts more than before" : ": may now hold values clients cannot parse"));
    } else if (narrows && !widens) {
      log.add(direction.narrowing(), direction.rule("type-narrowed"), c.child("type"), where,
          change + (direction == Direction.REQUEST ? ": refuses values it accepted" : ": a subset of what clients parse"));
    } else {
      log.add(Severity.BREAKING, direction.rule("type-changed"), c.child("type"), where,
          change + ": values of the old type are no longer valid");
    }
  }

  private static Set<String> types(JsonNode schema) {
    JsonNode type = schema.path("type");
    Set<String> types = new LinkedHashSet<>();
    if (type.isTextual()) {
      types.add(type.asText());
    } else if (type.isArray()) {
      type.forEach(t -> types.add(t.asText()));
    }
    return types;
  }

  /** Whether a schema typed {@code outer} accepts every value of one typed {@code inner} (empty = any type). */
  private static boolean accepts(Set<String> outer, Set<String> inner) {
    if (outer.isEmpty()) {
      return true;
    }
    if (inner.isEmpty()) {
      return false;
    }
    for (String t : inner) {
      if (!outer.contains(t) && !(t.equals("integer") && outer.contains("number"))) {
        return false;
      }
    }
    return true;
  }

  private static String show(Set<String> types) {
    return types.isEmpty() ? "(any)" : String.join("|", types);
  }

  private void format(Located b, Located c, Direction direction, String where) {
    String before = b.node().path("format").asText("");
    String after = c.node().path("format").asText("");
    if (before.equals(after)) {
      return;
    }
    if (before.isEmpty()) {
      log.add(direction.narrowing(), direction.rule("format-added"), c.child("format"), where, "format " + after + " now applies");
    } else if (after.isEmpty()) {
      log.add(direction.widening(), direction.rule("format-removed"), b.child("format"), where, "format " + before + " no longer applies");
    } else {
      log.add(Severity.BREAKING, direction.rule("format-changed"), c.child("format"), where, "format " + before + " → " + after);
    }
  }

  private void enumeration(Located b, Located c, Direction direction, String where) {
    List<JsonNode> before = values(b.node());
    List<JsonNode> after = values(c.node());
    boolean extensible = b.node().path(EXTENSIBLE_ENUM).asBoolean(false) || c.node().path(EXTENSIBLE_ENUM).asBoolean(false);
    if (!b.node().path(EXTENSIBLE_ENUM).asBoolean(false) && c.node().path(EXTENSIBLE_ENUM).asBoolean(false)) {
      log.add(Severity.INFORMATIONAL, "schema.enum-declared-extensible", c.child(EXTENSIBLE_ENUM), where,
          "declared extensible: values added later are compatible; this must restate a promise the base already made");
    }
    if (before == null && after == null) {
      return;
    }
    if (before == null) {
      log.add(direction.narrowing(), direction.rule("enum-added"), c.child("enum"), where,
          "only " + after + " " + (direction == Direction.REQUEST ? "are accepted now" : "are sent now"));
      return;
    }
    if (after == null) {
      Severity severity = direction == Direction.RESPONSE && extensible ? Severity.COMPATIBLE : direction.widening();
      log.add(severity, direction.rule("enum-removed"), b.child("enum"), where, "any value is now possible");
      return;
    }
    for (JsonNode value : before) {
      if (!after.contains(value)) {
        log.add(direction.narrowing(), direction.rule("enum-value-removed"), b.child("enum"), where,
            direction == Direction.REQUEST
                ? "value " + value + " is no longer accepted"
                : "value " + value + " is no longer sent");
      }
    }
    for (JsonNode value : after) {
      if (!before.contains(value)) {
        String location = c.child("enum").address();
        if (direction == Direction.REQUEST) {
          log.add(Severity.COMPATIBLE, "request.enum-value-added", location, where, "value " + value + " is now accepted too");
        } else if (extensible) {
          log.add(Severity.COMPATIBLE, "response.enum-value-added", location, where,
              "value " + value + " may be sent; the enum is " + EXTENSIBLE_ENUM + ", clients handle unknown values");
        } else {
          log.add(Severity.BREAKING, "response.enum-value-added", location, where,
              "value " + value + " may be sent; clients of the base do not know it");
        }
      }
    }
  }

  private static List<JsonNode> values(JsonNode schema) {
    if (schema.has("enum")) {
      List<JsonNode> values = new ArrayList<>();
      schema.get("enum").forEach(values::add);
      return values;
    }
    return schema.has("const") ? List.of(schema.get("const")) : null;
  }

  private void bounds(Located b, Located c, Direction direction, String where) {
    LOWER_BOUNDS.forEach((keyword, name) -> bound(b, c, direction, where, keyword, name, true));
    UPPER_BOUNDS.forEach((keyword, name) -> bound(b, c, direction, where, keyword, name, false));
  }

  private void bound(Located b, Located c, Direction direction, String where, String keyword, String name, boolean lower) {
    JsonNode before = b.node().path(keyword);
    JsonNode after = c.node().path(keyword);
    if (!before.isNumber() && !after.isNumber() || before.equals(after)) {
      return;
    }
    int comparison;
    if (!before.isNumber()) {
      comparison = lower ? 1 : -1;
    } else if (!after.isNumber()) {
      comparison = lower ? -1 : 1;
    } else {
      comparison = new BigDecimal(after.asText()).compareTo(new BigDecimal(before.asText()));
      if (comparison == 0) {
        return;
      }
    }
    boolean narrowed = lower ? comparison > 0 : comparison < 0;
    String change = keyword + " " + (before.isNumber() ? before.asText() : "(none)") + " → "
        + (after.isNumber() ? after.asText() : "(none)");
    if (narrowed) {
      log.add(direction.narrowing(), direction.rule(name + "-narrowed"), c.child(keyword), where,
          change + (direction == Direction.REQUEST ? ": refuses values it accepted" : ": within what clients expected"));
    } else {
      log.add(direction.widening(), direction.rule(name + "-widened"), c.child(keyword), where,
          change + (direction == Direction.REQUEST ? ": accepts more" : ": may send values clients did not expect"));
    }
  }

  private void exclusive(Located b, Located c, Direction direction, String where) {
    for (String keyword : List.of("exclusiveMinimum", "exclusiveMaximum")) {
      JsonNode before = b.node().path(keyword);
      JsonNode after = c.node().path(keyword);
      if (!before.equals(after)) {
        boolean narrowed = after.asBoolean(false) || after.isNumber();
        String name = keyword.equals("exclusiveMinimum") ? "exclusive-minimum" : "exclusive-maximum";
        log.add(narrowed ? direction.narrowing() : direction.widening(),
            direction.rule(name + (narrowed ? "-narrowed" : "-widened")), c.child(keyword), where,
            keyword + " " + (before.isMissingNode() ? "(none)" : before) + " → " + (after.isMissingNode() ? "(none)" : after));
      }
    }
  }

  private void pattern(Located b, Located c, Direction direction, String where) {
    String before = b.node().path("pattern").asText("");
    String after = c.node().path("pattern").asText("");
    if (before.equals(after)) {
      return;
    }
    if (before.isEmpty()) {
      log.add(direction.narrowing(), direction.rule("pattern-added"), c.child("pattern"), where,
          "values must now match " + after);
    } else if (after.isEmpty()) {
      log.add(direction.widening(), direction.rule("pattern-removed"), b.child("pattern"), where,
          "values no longer need to match " + before);
    } else {
      log.add(Severity.BREAKING, direction.rule("pattern-changed"), c.child("pattern"), where,
          "pattern " + before + " → " + after + ": the diff cannot show one contains the other");
    }
  }

  private void flag(Located b, Located c, Direction direction, String where, String keyword, String ifSet, String ifCleared) {
    flag(b, c, direction, where, keyword, ifSet, ifCleared, false);
  }

  /** A boolean keyword: {@code narrowsWhenSet} tells whether turning it on accepts less (uniqueItems) or more (nullable). */
  private void flag(Located b, Located c, Direction direction, String where, String keyword, String ifSet, String ifCleared,
      boolean narrowsWhenSet) {
    boolean before = b.node().path(keyword).asBoolean(false);
    boolean after = c.node().path(keyword).asBoolean(false);
    if (before == after) {
      return;
    }
    boolean narrowed = after == narrowsWhenSet;
    String name = keyword.equals("nullable") ? "nullable" : "unique-items";
    log.add(narrowed ? direction.narrowing() : direction.widening(),
        direction.rule(name + (after ? "-set" : "-cleared")), c.child(keyword), where, after ? ifSet : ifCleared);
  }

  private void multipleOf(Located b, Located c, Direction direction, String where) {
    JsonNode before = b.node().path("multipleOf");
    JsonNode after = c.node().path("multipleOf");
    if (before.equals(after)) {
      return;
    }
    Severity severity = before.isMissingNode() ? direction.narrowing()
        : after.isMissingNode() ? direction.widening() : Severity.BREAKING;
    log.add(severity, direction.rule("multiple-of-changed"), c.child("multipleOf"), where,
        "multipleOf " + (before.isMissingNode() ? "(none)" : before) + " → " + (after.isMissingNode() ? "(none)" : after));
  }

  private void defaults(Located b, Located c, Direction direction, String where) {
    JsonNode before = b.node().path("default");
    JsonNode after = c.node().path("default");
    if (before.equals(after)) {
      return;
    }
    if (direction == Direction.REQUEST && !before.isMissingNode() && !after.isMissingNode()) {
      log.add(Severity.BREAKING, "request.default-changed", c.child("default"), where,
          "default " + before + " → " + after + ": clients that omit it get different behaviour");
    } else {
      log.add(Severity.INFORMATIONAL, direction.rule("default-changed"), c.child("default"), where,
          "default " + (before.isMissingNode() ? "(none)" : before) + " → " + (after.isMissingNode() ? "(none)" : after));
    }
  }
}
