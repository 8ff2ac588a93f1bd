package dev.towerline.server.http.grizzly;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.io.IOException;
import org.slf4j.Marker;

/**
 * Drops Jersey's report of an answer it could not write because the client went away: Jersey logs
 * each such I/O error on the container's output stream as an error with a stack trace, though the
 * client's leaving is no fault of the server's. {@link JsonErrorPageGenerator}, which the container
 * hands the same failure to, notes it at DEBUG. Registered in {@code logback.xml}.
 */
public final class ClientGoneLogFilter extends TurboFilter {

  // Jersey's ServerRuntime.Responder logs I/O errors on the response stream; nothing else here.
  private static final String JERSEY_RESPONDER = "org.glassfish.jersey.server.ServerRuntime$Responder";

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable failure) {
    return failure != null && JERSEY_RESPONDER.equals(logger.getName()) && causedByIo(failure)
        ? FilterReply.DENY
        : FilterReply.NEUTRAL;
  }

  static boolean causedByIo(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException) {
        return true;
      }
    }
    return false;
  }
}
