package dev.towerline.server.hostile;

/** What a fuzz case may be answered with, besides what every answer must be (documented, below 500). */
enum Expect {
  /** The input breaks the contract: only a 4xx will do. */
  REFUSED("a 4xx"),
  /** The input fits the contract's shape (a boundary, a random value): any documented status below 500. */
  ANY_DOCUMENTED("any documented status below 500");

  private final String description;

  Expect(String description) {
    this.description = description;
  }

  @Override
  public String toString() {
    return description;
  }
}
