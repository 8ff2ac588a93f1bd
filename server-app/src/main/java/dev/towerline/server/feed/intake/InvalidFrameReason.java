package dev.towerline.server.feed.intake;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import java.util.stream.Collectors;

/**
 * Why a client frame could not be read, in the contract's words: the frame types a client may
 * send, field names, line and column. Never the parser's own message, which names Java types and
 * library limits a client has nothing to do with.
 */
final class InvalidFrameReason {
  private static final int MAX_ECHO = 40;

  private InvalidFrameReason() {}

  static String of(JsonProcessingException e, ClientFrameTypes types) {
    String mayFrame = "a client may send: " + types.listed();
    if (e instanceof InvalidTypeIdException unknown) {
      return unknown.getTypeId() == null
          ? "frame has no 'type'; " + mayFrame
          : "unknown frame type '" + echo(unknown.getTypeId()) + "'; " + mayFrame;
    }
    if (e instanceof StreamConstraintsException) {
      return "frame exceeds a JSON limit (nesting depth, number or text length)";
    }
    if (e instanceof StreamReadException) {
      return "malformed JSON" + at(e.getLocation());
    }
    if (e instanceof PropertyBindingException unknownField) {
      return "unknown field '" + echo(unknownField.getPropertyName()) + "'";
    }
    if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      return "field '" + path(mismatch) + "' has a value of the wrong type or format";
    }
    return "a frame is a JSON object with a 'type'; " + mayFrame;
  }

  private static String at(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(step -> step.getFieldName() != null ? echo(step.getFieldName()) : "[" + step.getIndex() + "]")
        .collect(Collectors.joining("."));
  }

  /** Client text echoed back: short, and without characters that would need explaining. */
  private static String echo(String text) {
    String printable = text.codePoints()
        .map(c -> Character.isISOControl(c) || Character.isSurrogate((char) Math.min(c, 0xFFFF)) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
    return printable.length() > MAX_ECHO ? printable.substring(0, MAX_ECHO) + "…" : printable;
  }
}
