package dev.towerline.diff;

import java.util.List;
import java.util.Objects;

/**
 * One classified difference between two contract versions.
 *
 * @param severity what it means for clients of the base
 * @param rule stable rule id, for example {@code response.property-removed}
 * @param location file and JSON pointer of the changed element ({@code schemas/device.json#/properties/serial})
 * @param where the operation or frame through which clients see it ({@code GET /api/v1/devices → 200})
 * @param reason one line saying why the change has this severity
 * @param alsoVia further operations or frames that reach the same element through a {@code $ref}
 */
public record Change(
    Severity severity, String rule, String location, String where, String reason, List<String> alsoVia) {

  public Change {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(reason, "reason");
    alsoVia = List.copyOf(alsoVia);
  }

  public Change(Severity severity, String rule, String location, String where, String reason) {
    this(severity, rule, location, where, reason, List.of());
  }
}
