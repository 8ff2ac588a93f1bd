package dev.towerline.server.logging;

import com.fasterxml.jackson.core.JsonStreamContext;
import net.logstash.logback.mask.ValueMasker;

/**
 * Redacts credentials inside every string value of a JSON log line (message, structured fields,
 * stack trace), for logstash-logback-encoder's {@code MaskingJsonGeneratorDecorator}.
 */
public final class RedactingValueMasker implements ValueMasker {
  @Override
  public Object mask(JsonStreamContext context, Object value) {
    if (value instanceof CharSequence text) {
      String original = text.toString();
      String redacted = SecretRedaction.redact(original);
      // null: leave the value as it is.
      return redacted.equals(original) ? null : redacted;
    }
    return null;
  }
}
