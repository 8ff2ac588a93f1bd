package dev.towerline.server.audit;

/** The audit log cannot be read or written: the database is down or not migrated yet. */
public final class AuditUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  AuditUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
