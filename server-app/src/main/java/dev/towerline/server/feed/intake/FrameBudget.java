package dev.towerline.server.feed.intake;

/**
 * How many frames one connection's client may send: each frame read takes one, and a client that
 * finds the budget empty is sending faster than allowed. One per connection; the intake calls it
 * under its own lock.
 */
@FunctionalInterface
public interface FrameBudget {
  FrameBudget UNLIMITED = () -> true;

  /** Takes one frame; false when the client is over its rate. */
  boolean take();
}
