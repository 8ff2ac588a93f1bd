package dev.towerline.diff;

/** How a change affects clients written against the base contract. */
public enum Severity {
  /** A client written against the base may fail against the candidate. */
  BREAKING,
  /** Clients of the base keep working; the contract grew (a minor version). */
  COMPATIBLE,
  /** Nothing a client sees changed (descriptions, examples, vendor notes): a patch at most. */
  INFORMATIONAL;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
