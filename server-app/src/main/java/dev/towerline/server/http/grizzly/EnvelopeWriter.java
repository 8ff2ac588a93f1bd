package dev.towerline.server.http.grizzly;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.http.RequestIds;
import dev.towerline.server.http.error.ErrorResponses;
import dev.towerline.server.model.ErrorEnvelope;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.glassfish.grizzly.http.util.HttpStatus;

/**
 * Writes the error envelope as JSON for answers made outside Jersey, where no message body
 * writer runs: Grizzly's own errors, refused WebSocket handshakes and requests refused before
 * they reach Jersey.
 */
final class EnvelopeWriter {
  private final ErrorResponses errors;
  private final ObjectMapper json;

  EnvelopeWriter(ErrorResponses errors, ObjectMapper json) {
    this.errors = errors;
    this.json = json;
  }

  /** The HTTP status {@code code} is answered with. */
  int status(ErrorCode code) {
    return errors.httpStatus(code);
  }

  String json(ErrorCode code, String message, String requestId) {
    return json(code, message, Map.of(), requestId);
  }

  String json(ErrorCode code, String message, Map<String, ?> details, String requestId) {
    ErrorEnvelope envelope = errors.body(code, message, details);
    envelope.setRequestId(requestId);
    try {
      return json.writeValueAsString(envelope);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The error envelope cannot be written", e);
    }
  }

  /**
   * A whole HTTP/1.1 answer carrying the envelope, ending with {@code Connection: close}: for
   * connections whose request cannot be framed or finished, so nothing may follow the answer.
   *
   * @param headers extra response headers
   */
  byte[] closingAnswer(ErrorCode code, String message, Map<String, ?> details, Map<String, String> headers) {
    int status = status(code);
    String requestId = RequestIds.accept(null);
    byte[] body = json(code, message, details, requestId).getBytes(StandardCharsets.UTF_8);
    StringBuilder head =
        new StringBuilder("HTTP/1.1 ")
            .append(status)
            .append(' ')
            .append(HttpStatus.getHttpStatus(status).getReasonPhrase())
            .append("\r\nContent-Type: application/json\r\nContent-Length: ")
            .append(body.length)
            .append("\r\n")
            .append(RequestIds.HEADER)
            .append(": ")
            .append(requestId)
            .append("\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("Connection: close\r\n\r\n");
    byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] whole = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, whole, 0, headBytes.length);
    System.arraycopy(body, 0, whole, headBytes.length, body.length);
    return whole;
  }
}
