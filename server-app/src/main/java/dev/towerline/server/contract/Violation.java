package dev.towerline.server.contract;

import dev.towerline.server.text.UnicodeText;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One way a request breaks the contract, in the client's terms: the field (a body path such as
 * {@code labels[2]}, {@code body} for the whole body, or a parameter name) and the rule, e.g.
 * "must be ≤ 86400". The field is made printable so it can always be echoed back.
 */
public record Violation(String field, String reason) {
  public Violation {
    field = UnicodeText.printable(field);
  }

  /** The {@code {field, reason}} object of {@code details.violations}. */
  public Map<String, Object> toDetails() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("field", field);
    details.put("reason", reason);
    return details;
  }

  @Override
  public String toString() {
    return field + " " + reason;
  }
}
