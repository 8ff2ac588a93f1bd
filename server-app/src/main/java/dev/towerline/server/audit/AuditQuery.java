package dev.towerline.server.audit;

import java.time.Instant;

/**
 * Which entries to list; every filter is optional (null).
 *
 * @param since entries recorded at or after this instant
 * @param until entries recorded before this instant
 */
public record AuditQuery(String actor, String operation, Instant since, Instant until) {
  public static final AuditQuery ALL = new AuditQuery(null, null, null, null);

  /** The filters as text, for page tokens that are only valid with the same filters. */
  String fingerprint() {
    return actor + "\u0000" + operation + "\u0000" + since + "\u0000" + until;
  }
}
