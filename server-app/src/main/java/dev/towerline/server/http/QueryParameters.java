package dev.towerline.server.http;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.error.ApiException;
import java.util.Map;

/** Checks of text parameters the contract bounds (minLength 1, maxLength n): a 400, never a silent ignore. */
public final class QueryParameters {
  private QueryParameters() {}

  /** The value, or null when the parameter is absent; an empty or over-long value is refused. */
  public static String text(String name, String value, int maxLength) {
    if (value == null) {
      return null;
    }
    if (value.isEmpty() || value.length() > maxLength) {
      String reason = "must be 1 to " + maxLength + " characters";
      throw new ApiException(
          ErrorCode.INVALID_PARAMETER, name + " " + reason, Map.of("parameter", name, "value", value, "reason", reason));
    }
    return value;
  }
}
