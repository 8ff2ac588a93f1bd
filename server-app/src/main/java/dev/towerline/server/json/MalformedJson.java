package dev.towerline.server.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.error.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code MALFORMED_JSON} refusal of a body the parser could not read, in our own words with
 * the line and column: the parser's messages name its classes and settings and never reach a
 * client.
 */
public final class MalformedJson {

  /** Jackson's limits, named here so the error message and the guide can state them. */
  public static final StreamReadConstraints LIMITS = StreamReadConstraints.defaults();

  private MalformedJson() {}

  /** The refusal for a parser failure. */
  public static ApiException of(JsonProcessingException failure) {
    if (failure instanceof StreamConstraintsException) {
      return refusal(
          "it exceeds the parser's limits (nesting depth "
              + LIMITS.getMaxNestingDepth()
              + ", numbers of "
              + LIMITS.getMaxNumberLength()
              + " digits, strings of "
              + LIMITS.getMaxStringLength()
              + " characters)",
          failure.getLocation());
    }
    if (failure instanceof JsonEOFException) {
      return refusal("unexpected end of input", failure.getLocation());
    }
    return refusal("unexpected content", failure.getLocation());
  }

  /** The refusal for {@code reason} at {@code location} (null when unknown). */
  static ApiException refusal(String reason, JsonLocation location) {
    Map<String, Object> details = new LinkedHashMap<>();
    if (location != null && location.getLineNr() > 0) {
      details.put("line", location.getLineNr());
      details.put("column", location.getColumnNr());
    }
    return new ApiException(ErrorCode.MALFORMED_JSON, "Request body is not valid JSON: " + reason, details);
  }
}
