package dev.towerline.server.feed.log;

/** The event log cannot be read or written now (database down or not migrated yet). */
public final class EventLogUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EventLogUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
