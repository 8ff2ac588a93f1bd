package dev.towerline.testkit.internal;

import java.util.Map;
import java.util.Optional;

/** An operation of openapi.yaml with its documented responses, keyed as written. */
record OperationSpec(String name, String method, String pathTemplate, Map<String, ResponseSpec> responses) {

  /** How messages name it: {@code getDevice (GET /api/v1/devices/{serial})}. */
  String label() {
    return name + " (" + method + " " + pathTemplate + ")";
  }

  /** The response documented for {@code status}: the exact code, else its range ({@code 4XX}), else {@code default}. */
  Optional<ResponseSpec> response(int status) {
    String exact = String.valueOf(status);
    ResponseSpec found = responses.get(exact);
    if (found == null) {
      found = responses.get(exact.charAt(0) + "XX");
    }
    if (found == null) {
      found = responses.get("default");
    }
    return Optional.ofNullable(found);
  }
}
