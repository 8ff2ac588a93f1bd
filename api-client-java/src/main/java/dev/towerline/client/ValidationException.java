package dev.towerline.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A parameter or the body broke the contract ({@code INVALID_PARAMETER}, {@code
 * INVALID_PAGE_TOKEN}, {@code VALIDATION_FAILED}, {@code MALFORMED_JSON}; HTTP 400). {@link
 * #violations()} lists every problem the server found.
 *
 * <pre>{@code
 * try {
 *   towerline.createExecution(NewExecution.of(serial, command).withTimeoutSeconds(0));
 * } catch (ValidationException e) {
 *   e.violations().forEach(v -> System.err.println(v.field() + " " + v.reason()));   // timeout_seconds must be ≥ 1
 * }
 * }</pre>
 */
public class ValidationException extends InvalidRequestException {

  private static final long serialVersionUID = 1L;

  /** One problem: the field or parameter, and what is allowed. */
  public record Violation(String field, String reason) {}

  ValidationException(ServerError error) {
    super(error);
  }

  /** The envelope's {@code details.violations}; empty when the server listed none. */
  public List<Violation> violations() {
    Object raw = details().get("violations");
    List<Violation> violations = new ArrayList<>();
    if (raw instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> map) {
          violations.add(new Violation(String.valueOf(map.get("field")), String.valueOf(map.get("reason"))));
        }
      }
    }
    return List.copyOf(violations);
  }
}
