package dev.towerline.diff.internal;

import dev.towerline.diff.Severity;

/**
 * Which way data flows: what clients send (parameters, request bodies, frames of {@code receive}
 * operations) must keep being accepted; what the server sends (responses, frames of {@code send}
 * operations) must not hold anything a client did not expect.
 */
public enum Direction {
  REQUEST("request", "what clients send"),
  RESPONSE("response", "what clients receive");

  private final String prefix;
  private final String meaning;

  Direction(String prefix, String meaning) {
    this.prefix = prefix;
    this.meaning = meaning;
  }

  public String rule(String name) {
    return prefix + "." + name;
  }

  public String meaning() {
    return meaning;
  }

  /** Severity of accepting or producing less than before. */
  public Severity narrowing() {
    return this == REQUEST ? Severity.BREAKING : Severity.COMPATIBLE;
  }

  /** Severity of accepting or producing more than before. */
  public Severity widening() {
    return this == REQUEST ? Severity.COMPATIBLE : Severity.BREAKING;
  }
}
