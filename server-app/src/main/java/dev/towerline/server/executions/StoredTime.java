package dev.towerline.server.executions;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Time as the database keeps it: microseconds. Every instant an execution records is cut to that,
 * so the execution a feed event carries (from memory) and the one a REST read returns (from the
 * database) show the same timestamps.
 */
final class StoredTime {
  private StoredTime() {}

  static Instant now(Clock clock) {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
