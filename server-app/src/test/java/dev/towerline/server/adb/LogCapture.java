package dev.towerline.server.adb;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.LoggerFactory;

/** Captures one logger's events and renders them as the JSON lines production would write. */
public final class LogCapture implements AutoCloseable {

  private final Logger logger;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final LogstashEncoder encoder = new LogstashEncoder();

  public LogCapture(Class<?> loggerOf) {
    this(loggerOf.getName());
  }

  /** Captures the logger named {@code loggerName} (for package-private classes of other packages). */
  public LogCapture(String loggerName) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    this.logger = context.getLogger(loggerName);
    appender.setContext(context);
    appender.start();
    encoder.setContext(context);
    encoder.start();
    logger.addAppender(appender);
  }

  /** Every captured line whose message contains {@code text}, as JSON. */
  public List<String> jsonLinesContaining(String text) {
    List<ILoggingEvent> captured;
    // Appenders append under their own lock; other threads may be logging right now.
    synchronized (appender) {
      captured = new ArrayList<>(appender.list);
    }
    return captured.stream()
        .filter(event -> event.getFormattedMessage().contains(text))
        .map(event -> new String(encoder.encode(event), StandardCharsets.UTF_8))
        .collect(Collectors.toList());
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    appender.stop();
    encoder.stop();
  }
}
