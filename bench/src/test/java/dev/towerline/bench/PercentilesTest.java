package dev.towerline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentilesTest {
  @Test
  void nearestRankOfUnsortedSamples() {
    Percentiles p = new Percentiles(new long[] {50, 10, 40, 20, 30, 100, 90, 80, 70, 60});

    assertThat(p.at(50)).isEqualTo(50);
    assertThat(p.at(90)).isEqualTo(90);
    assertThat(p.at(99)).isEqualTo(100);
    assertThat(p.at(1)).isEqualTo(10);
    assertThat(p.max()).isEqualTo(100);
  }
}
