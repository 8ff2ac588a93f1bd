package dev.towerline.client.internal;

import java.util.OptionalLong;

/**
 * Lets each event of a feed through once, in {@code seq} order: a seq at or below the last one
 * handed over is a duplicate (a resume overlap or a server that sent it twice). On a feed without
 * a filter every seq follows the one before, so a jump is a gap; a filtered feed has gaps by design.
 * Written by the feed thread only; {@link #last()} may be read by any thread.
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
  private volatile long last;
  private volatile boolean positioned;
  private long gapResumedAt = -1;

  SeqGate(boolean gapless) {
    this.gapless = gapless;
  }

  /** A snapshot valid at {@code seq} replaced the state: count from there, also backwards. */
  void reset(long seq) {
    last = seq;
    positioned = true;
    gapResumedAt = -1;
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

  /**
   * True the first time a gap follows the current seq: resume from it once. When the server
   * replays the same jump, its log has the gap and the event is delivered after all.
   */
  boolean resumeForGap() {
    if (gapResumedAt == last) {
      return false;
    }
    gapResumedAt = last;
    return true;
  }

  void advance(long seq) {
    last = seq;
  }

  OptionalLong last() {
    return positioned ? OptionalLong.of(last) : OptionalLong.empty();
  }
}
