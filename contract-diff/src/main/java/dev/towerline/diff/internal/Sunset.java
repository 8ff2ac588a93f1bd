package dev.towerline.diff.internal;

import dev.towerline.diff.Severity;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The removal policy: an element may go once it is {@code deprecated: true} and the day after its
 * {@code x-sunset} date has begun (UTC, on the injected clock); before that its removal is breaking.
 */
public final class Sunset {
  private final Clock clock;

  public Sunset(Clock clock) {
    this.clock = clock;
  }

  /** Records the removal of {@code removed} (as it was in the base) under {@code rule}, unless its sunset has passed. */
  public void judgeRemoval(Located removed, ChangeLog log, String rule, String where, String reason) {
    boolean deprecated = removed.node().path("deprecated").asBoolean(false);
    String sunset = removed.node().path("x-sunset").asText("");
    if (!deprecated || sunset.isEmpty()) {
      log.add(Severity.BREAKING, rule, removed, where, reason);
      return;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(sunset);
    } catch (DateTimeParseException e) {
      log.add(Severity.BREAKING, "policy.removed-with-invalid-sunset", removed, where,
          "deprecated with x-sunset '" + sunset + "', which is not a date (YYYY-MM-DD); " + reason);
      return;
    }
    LocalDate today = LocalDate.now(clock);
    if (today.isAfter(date)) {
      log.add(Severity.COMPATIBLE, "policy.removed-after-sunset", removed, where,
          "deprecated, and its sunset " + date + " has passed (today " + today + ")");
    } else {
      log.add(Severity.BREAKING, "policy.removed-before-sunset", removed, where,
          "deprecated, but removable only after its sunset " + date + " (today " + today + "); " + reason);
    }
  }
}
