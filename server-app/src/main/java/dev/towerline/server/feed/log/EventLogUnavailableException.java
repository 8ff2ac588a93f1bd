package dev.towerline.server.feed.log;

/** The event log cannot be read or written now (database down or not migrated yet). */
public final class EventLogUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean beforeReady;

  public EventLogUnavailableException(String message, Throwable cause) {
    this(message, cause, false);
  }

  private EventLogUnavailableException(String message, Throwable cause, boolean beforeReady) {
    super(message, cause);
    this.beforeReady = beforeReady;
  }

  /** The schema is not migrated yet: expected at every start, before the database is ready. */
  static EventLogUnavailableException notReady() {
    return new EventLogUnavailableException("the database is not ready", null, true);
  }

  /** True when the database has not been ready yet, rather than failing after it was. */
  public boolean beforeReady() {
    return beforeReady;
  }
}
