package dev.towerline.diff.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.diff.Severity;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Security requirements of one operation. A requirement list is a set of alternatives; an empty
 * alternative {@code {}} (or no list at all) lets anonymous calls through, so adding a scheme
 * next to {@code {}} breaks nobody, while requiring one breaks every anonymous client.
 */
final class SecurityDiff {
  private final ChangeLog log;

  SecurityDiff(ChangeLog log) {
    this.log = log;
  }

  /** {@code b} and {@code c} are the effective requirement lists (operation's, else the document's). */
  void compare(Located b, Located c, String where) {
    Set<String> before = alternatives(b.node());
    Set<String> after = alternatives(c.node());
    if (before.equals(after)) {
      return;
    }
    boolean anonymousBefore = before.contains("{}");
    boolean anonymousAfter = after.contains("{}");
    if (anonymousBefore && !anonymousAfter) {
      log.add(Severity.BREAKING, "security.requirement-added", c, where,
          "calls without credentials are now refused; requires one of " + after);
      return;
    }
    for (String alternative : before) {
      if (!after.contains(alternative) && !alternative.equals("{}")) {
        log.add(Severity.BREAKING, "security.alternative-removed", c, where,
            "clients authenticating with " + alternative + " are refused");
      }
    }
    for (String alternative : after) {
      if (before.contains(alternative) || alternative.equals("{}")) {
        continue;
      }
      if (anonymousAfter) {
        log.add(Severity.COMPATIBLE, "security.optional-requirement-added", c, where,
            alternative + " is accepted; the empty alternative {} still lets anonymous calls through");
      } else if (!anonymousBefore) {
        log.add(Severity.COMPATIBLE, "security.alternative-added", c, where,
            alternative + " is accepted as another way to authenticate");
      }
    }
    if (!anonymousBefore && anonymousAfter) {
      log.add(Severity.COMPATIBLE, "security.requirement-relaxed", c, where, "anonymous calls are now accepted too");
    }
  }

  /** Each alternative as {@code {scheme[scope,…], …}} in a canonical order; no list at all is {@code {}}. */
  static Set<String> alternatives(JsonNode requirements) {
    Set<String> alternatives = new TreeSet<>();
    if (!requirements.isArray() || requirements.isEmpty()) {
      alternatives.add("{}");
      return alternatives;
    }
    for (JsonNode requirement : requirements) {
      Map<String, Set<String>> schemes = new TreeMap<>();
      for (Map.Entry<String, JsonNode> scheme : requirement.properties()) {
        Set<String> scopes = new TreeSet<>();
        scheme.getValue().forEach(scope -> scopes.add(scope.asText()));
        schemes.put(scheme.getKey(), scopes);
      }
      StringBuilder text = new StringBuilder("{");
      schemes.forEach((name, scopes) -> text.append(text.length() > 1 ? ", " : "").append(name)
          .append(scopes.isEmpty() ? "" : scopes.toString()));
      alternatives.add(text.append('}').toString());
    }
    return alternatives;
  }
}
