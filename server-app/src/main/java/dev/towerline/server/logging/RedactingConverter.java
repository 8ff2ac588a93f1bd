package dev.towerline.server.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;

/**
 * {@code %redacted(...)} in a text pattern: what the inner pattern produced (message, key-values,
 * stack trace), with credentials replaced by {@link SecretRedaction}.
 */
public final class RedactingConverter extends CompositeConverter<ILoggingEvent> {
  @Override
  protected String transform(ILoggingEvent event, String in) {
    return SecretRedaction.redact(in);
  }
}
