package dev.towerline.bench;

import java.util.Arrays;

/** Nearest-rank percentiles of recorded latencies, in microseconds. */
final class Percentiles {
  private final long[] sorted;

  Percentiles(long[] micros) {
    this.sorted = micros.clone();
    Arrays.sort(sorted);
  }

  /** The smallest sample at or above {@code percent} of all samples. */
  long at(double percent) {
    if (sorted.length == 0) {
      throw new IllegalStateException("no samples");
    }
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  long max() {
    return sorted[sorted.length - 1];
  }

  int count() {
    return sorted.length;
  }
}
