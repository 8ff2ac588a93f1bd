package dev.towerline.client.internal;

import java.util.OptionalLong;

/**
 * Lets each event of a feed through once, in {@code seq} order: a seq at or below the last one
 * handed over is a duplicate (a resume overlap or a server that sent it twice). On a feed without
 * a filter every seq follows the one before, so a jump is a gap; a filtered feed has gaps by design.
 */
final class SeqGate {

  enum Verdict {
    DELIVER,
    DUPLICATE,
    GAP,
    /** No snapshot yet: the events cannot be placed. */
    NO_POSITION
  }

  private final boolean gapless;
  private boolean positioned;
  private long last;

  SeqGate(boolean gapless) {
    this.gapless = gapless;
  }

  /** A snapshot valid at {@code seq} replaced the state: count from there, also backwards. */
  void reset(long seq) {
    positioned = true;
    last = seq;
  }

  Verdict check(long seq) {
    if (!positioned) {
      return Verdict.NO_POSITION;
    }
    if (seq <= last) {
      return Verdict.DUPLICATE;
    }
    return gapless && seq != last + 1 ? Verdict.GAP : Verdict.DELIVER;
  }

  void advance(long seq) {
    last = seq;
  }

  OptionalLong last() {
    return positioned ? OptionalLong.of(last) : OptionalLong.empty();
  }
}
