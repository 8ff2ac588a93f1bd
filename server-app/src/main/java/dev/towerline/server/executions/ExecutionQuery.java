package dev.towerline.server.executions;

import dev.towerline.protocol.ExecutionStatus;
import java.time.Instant;

/**
 * Filters and order of a listing; every filter may be {@code null} (absent).
 *
 * @param createdAfter inclusive
 * @param createdBefore exclusive
 * @param newestFirst {@code -created_at} (the default) rather than {@code created_at}; ties by id
 */
public record ExecutionQuery(
    ExecutionStatus status, String deviceSerial, Instant createdAfter, Instant createdBefore, boolean newestFirst) {

  /** Identifies the filters and order, so a page token is refused with others. */
  String fingerprint() {
    return (status == null ? "" : status.value()) + "|" + (deviceSerial == null ? "" : deviceSerial) + "|"
        + (createdAfter == null ? "" : createdAfter) + "|" + (createdBefore == null ? "" : createdBefore) + "|"
        + (newestFirst ? "-" : "+");
  }
}
