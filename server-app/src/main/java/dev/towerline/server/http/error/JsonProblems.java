package dev.towerline.server.http.error;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Describes a Jackson failure in the client's terms (JSON fields and JSON types), never with Java
 * class names or parser internals.
 */
final class JsonProblems {

  private JsonProblems() {}

  /** The JSON path of the offending field, e.g. {@code labels[2]}; {@code body} for the root. */
  static String field(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "body" : path.toString();
  }

  /** What the field must be, e.g. "must be an integer". */
  static String bindingReason(JsonMappingException e) {
    if (e instanceof UnrecognizedPropertyException) {
      return "unknown field";
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return "must be " + jsonType(mismatch.getTargetType());
    }
    return "is invalid";
  }

  private static String jsonType(Class<?> type) {
    if (type.isEnum()) {
      return "one of "
          + Arrays.stream(type.getEnumConstants())
              .map(Object::toString)
              .collect(Collectors.joining(", "));
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "an integer";
    }
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "a boolean";
    }
    if (CharSequence.class.isAssignableFrom(type)) {
      return "a string";
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return "an RFC 3339 date-time string";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    return Map.class.isAssignableFrom(type) ? "an object" : "a JSON object";
  }
}
