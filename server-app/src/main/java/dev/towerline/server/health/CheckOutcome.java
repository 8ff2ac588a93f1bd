package dev.towerline.server.health;

/** What a check saw: passed or not, and a message an operator can act on. */
public record CheckOutcome(boolean passed, String message) {
  public static CheckOutcome pass(String message) {
    return new CheckOutcome(true, message);
  }

  public static CheckOutcome fail(String message) {
    return new CheckOutcome(false, message);
  }
}
