package dev.towerline.diff.internal;

import dev.towerline.diff.Severity;

/**
 * What one operation answers: status codes, headers, media types and bodies must not hold
 * anything a client of the base did not expect.
 */
final class ResponseDiff {
  private final Refs base;
  private final Refs candidate;
  private final ChangeLog log;
  private final Sunset sunset;
  private final SchemaDiff schemas;

  ResponseDiff(Refs base, Refs candidate, ChangeLog log, Sunset sunset, SchemaDiff schemas) {
    this.base = base;
    this.candidate = candidate;
    this.log = log;
    this.sunset = sunset;
    this.schemas = schemas;
  }

  void compare(Operation b, Operation c, String where) {
    Located before = b.node().child("responses");
    Located after = c.node().child("responses");
    for (String status : SchemaDiff.fieldNames(before.node())) {
      Located response = base.deref(before.child(status));
      String label = where + " → " + status;
      if (!after.node().has(status)) {
        if (isSuccess(status)) {
          sunset.judgeRemoval(response, log, "response.success-status-removed", label,
              "clients expecting " + status + " get another status");
        } else {
          log.add(Severity.COMPATIBLE, "response.error-status-removed", response, label,
              status + " is no longer documented; clients that handle it are unaffected");
        }
        continue;
      }
      response(response, candidate.deref(after.child(status)), label);
    }
    for (String status : SchemaDiff.fieldNames(after.node())) {
      if (before.node().has(status)) {
        continue;
      }
      Located response = candidate.deref(after.child(status));
      String label = where + " → " + status;
      if (isSuccess(status)) {
        log.add(Severity.BREAKING, "response.success-status-added", response, label,
            "clients of the base do not expect " + status + " or its body");
      } else {
        log.add(Severity.COMPATIBLE, "response.error-status-added", response, label,
            "a documented error status; clients treat an unknown 4xx/5xx like its class (RFC 9110, 15) and read the error envelope");
      }
    }
  }

  private static boolean isSuccess(String status) {
    return status.startsWith("1") || status.startsWith("2") || status.startsWith("3");
  }

  private void response(Located b, Located c, String label) {
    Notes.compare(b, c, log, "response", label, "description");
    headers(b.child("headers"), c.child("headers"), label);
    Located before = b.child("content");
    Located after = c.child("content");
    for (String mediaType : SchemaDiff.fieldNames(before.node())) {
      if (!after.node().has(mediaType)) {
        log.add(Severity.BREAKING, "response.media-type-removed", before.child(mediaType), label,
            "clients accepting only " + mediaType + " get 406");
        continue;
      }
      Notes.compare(before.child(mediaType), after.child(mediaType), log, "response", label + " " + mediaType,
          "example", "examples");
      schemas.compare(before.child(mediaType).child("schema"), after.child(mediaType).child("schema"),
          Direction.RESPONSE, label + " " + mediaType);
    }
    for (String mediaType : SchemaDiff.fieldNames(after.node())) {
      if (!before.node().has(mediaType)) {
        log.add(Severity.COMPATIBLE, "response.media-type-added", after.child(mediaType), label,
            mediaType + " is offered too; clients get it only when they ask for it");
      }
    }
  }

  private void headers(Located b, Located c, String label) {
    for (String name : SchemaDiff.fieldNames(b.node())) {
      Located header = base.deref(b.child(name));
      if (!hasIgnoringCase(c, name)) {
        sunset.judgeRemoval(header, log, "response.header-removed", label + " header " + name,
            "clients that read " + name + " no longer get it");
        continue;
      }
      Located same = candidate.deref(c.child(actualName(c, name)));
      boolean wasRequired = header.node().path("required").asBoolean(false);
      if (wasRequired && !same.node().path("required").asBoolean(false)) {
        log.add(Severity.BREAKING, "response.header-became-optional", same.child("required"), label + " header " + name,
            "clients that rely on " + name + " may not get it");
      }
      Notes.compare(header, same, log, "response.header", label + " header " + name, "description", "example");
      schemas.compare(header.child("schema"), same.child("schema"), Direction.RESPONSE, label + " header " + name);
    }
    for (String name : SchemaDiff.fieldNames(c.node())) {
      if (!hasIgnoringCase(b, name)) {
        log.add(Severity.COMPATIBLE, "response.header-added", c.child(name), label + " header " + name,
            "new header; clients ignore headers they do not know");
      }
    }
  }

  private static boolean hasIgnoringCase(Located headers, String name) {
    return actualName(headers, name) != null;
  }

  private static String actualName(Located headers, String name) {
    for (String key : SchemaDiff.fieldNames(headers.node())) {
      if (key.equalsIgnoreCase(name)) {
        return key;
      }
    }
    return null;
  }
}
