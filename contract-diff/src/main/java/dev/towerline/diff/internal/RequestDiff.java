package dev.towerline.diff.internal;

import dev.towerline.diff.Severity;
import java.util.Map;

/** What a client sends to one operation: parameters and the request body must keep accepting what they accepted. */
final class RequestDiff {
  private final Refs base;
  private final Refs candidate;
  private final ChangeLog log;
  private final Sunset sunset;
  private final SchemaDiff schemas;

  RequestDiff(Refs base, Refs candidate, ChangeLog log, Sunset sunset, SchemaDiff schemas) {
    this.base = base;
    this.candidate = candidate;
    this.log = log;
    this.sunset = sunset;
    this.schemas = schemas;
  }

  void compare(Operation b, Operation c, String where) {
    parameters(b, c, where);
    body(base.deref(b.node().child("requestBody")), candidate.deref(c.node().child("requestBody")), where);
  }

  private void parameters(Operation b, Operation c, String where) {
    Map<String, Located> before = b.parameters(base);
    Map<String, Located> after = c.parameters(candidate);
    before.forEach((key, parameter) -> {
      String name = parameter.node().path("name").asText();
      String in = parameter.node().path("in").asText();
      Located same = after.get(key);
      if (same == null) {
        sunset.judgeRemoval(parameter, log, "request.parameter-removed", where,
            in + " parameter '" + name + "' is gone; the server refuses parameters an operation does not declare (400)");
        return;
      }
      String label = where + " " + in + " parameter " + name;
      if (in.equals("path") && !name.equals(same.node().path("name").asText())) {
        log.add(Severity.INFORMATIONAL, "request.path-parameter-renamed", same.child("name"), label,
            "renamed to " + same.node().path("name").asText() + "; the URL clients build is the same");
      }
      boolean wasRequired = parameter.node().path("required").asBoolean(false);
      boolean isRequired = same.node().path("required").asBoolean(false);
      if (!wasRequired && isRequired) {
        log.add(Severity.BREAKING, "request.parameter-became-required", same.child("required"), label,
            "clients that omit it are now refused");
      } else if (wasRequired && !isRequired) {
        log.add(Severity.COMPATIBLE, "request.parameter-became-optional", same.child("required"), label,
            "clients may now omit it");
      }
      for (String key2 : new String[] {"style", "explode", "allowReserved"}) {
        if (!parameter.node().path(key2).equals(same.node().path(key2))) {
          log.add(Severity.BREAKING, "request.parameter-serialization-changed", same.child(key2), label,
              key2 + " changed; clients serialize the value the old way");
        }
      }
      if (!parameter.node().path("deprecated").asBoolean(false) && same.node().path("deprecated").asBoolean(false)) {
        log.add(Severity.INFORMATIONAL, "request.parameter-deprecated", same.child("deprecated"), label, "deprecated; still accepted");
      }
      Notes.compare(parameter, same, log, "request.parameter", label, "description", "example", "examples");
      schemas.compare(parameter.child("schema"), same.child("schema"), Direction.REQUEST, label);
      content(parameter.child("content"), same.child("content"), label);
    });
    after.forEach((key, parameter) -> {
      if (before.containsKey(key)) {
        return;
      }
      String label = where + " " + parameter.node().path("in").asText() + " parameter " + parameter.node().path("name").asText();
      if (parameter.node().path("required").asBoolean(false)) {
        log.add(Severity.BREAKING, "request.required-parameter-added", parameter, label,
            "clients never sent it and are now refused");
      } else {
        log.add(Severity.COMPATIBLE, "request.parameter-added", parameter, label, "optional; clients need not send it");
      }
    });
  }

  private void body(Located b, Located c, String where) {
    String label = where + " request body";
    if (!b.exists() && !c.exists()) {
      return;
    }
    if (!b.exists()) {
      boolean required = c.node().path("required").asBoolean(false);
      log.add(required ? Severity.BREAKING : Severity.COMPATIBLE,
          required ? "request.required-body-added" : "request.body-added", c, label,
          required ? "clients never sent a body and are now refused" : "optional body; clients need not send it");
      return;
    }
    if (!c.exists()) {
      sunset.judgeRemoval(b, log, "request.body-removed", label, "clients that send a body are refused");
      return;
    }
    if (!b.node().path("required").asBoolean(false) && c.node().path("required").asBoolean(false)) {
      log.add(Severity.BREAKING, "request.body-became-required", c.child("required"), label,
          "clients that send no body are now refused");
    }
    Notes.compare(b, c, log, "request.body", label, "description");
    content(b.child("content"), c.child("content"), label);
  }

  private void content(Located b, Located c, String label) {
    for (String mediaType : SchemaDiff.fieldNames(b.node())) {
      if (!c.node().has(mediaType)) {
        log.add(Severity.BREAKING, "request.media-type-removed", b.child(mediaType), label,
            "clients sending " + mediaType + " are refused (415)");
        continue;
      }
      Located before = b.child(mediaType);
      Located after = c.child(mediaType);
      Notes.compare(before, after, log, "request.body", label + " " + mediaType, "example", "examples");
      schemas.compare(before.child("schema"), after.child("schema"), Direction.REQUEST, label + " " + mediaType);
    }
    for (String mediaType : SchemaDiff.fieldNames(c.node())) {
      if (!b.node().has(mediaType)) {
        log.add(Severity.COMPATIBLE, "request.media-type-added", c.child(mediaType), label,
            mediaType + " is accepted too");
      }
    }
  }
}
