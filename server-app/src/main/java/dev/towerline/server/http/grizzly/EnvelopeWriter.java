package dev.towerline.server.http.grizzly;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.http.error.ErrorResponses;
import dev.towerline.server.model.ErrorEnvelope;
import java.util.Map;

/**
 * Writes the error envelope as JSON for answers made outside Jersey, where no message body
 * writer runs: Grizzly's own errors and refused WebSocket handshakes.
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
    ErrorEnvelope envelope = errors.body(code, message, Map.of());
    envelope.setRequestId(requestId);
    try {
      return json.writeValueAsString(envelope);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The error envelope cannot be written", e);
    }
  }
}
