package dev.towerline.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathTemplateTest {

  private final PathTemplate device = new PathTemplate("/api/v1/devices/{serial}");
  private final PathTemplate count = new PathTemplate("/api/v1/devices/count");
  private final PathTemplate cancel = new PathTemplate("/api/v1/executions/{execution_id}/cancel");

  @Test
  void parameterStandsForOneNonEmptySegment() {
    assertThat(device.matches("/api/v1/devices/emulator-5554")).isTrue();
    assertThat(device.matches("/api/v1/devices/a%2Fb")).isTrue();
    assertThat(device.matches("/api/v1/devices/")).isFalse();
    assertThat(device.matches("/api/v1/devices/a/b")).isFalse();
    assertThat(cancel.matches("/api/v1/executions/ex_1/cancel")).isTrue();
    assertThat(cancel.matches("/api/v1/executions/ex_1/stop")).isFalse();
  }

  @Test
  void literalSegmentsAreMoreSpecificThanTemplatedOnes() {
    assertThat(count.compareSpecificity(device)).isNegative();
    assertThat(device.compareSpecificity(count)).isPositive();
    assertThat(device.compareSpecificity(device)).isZero();
  }

  @Test
  void literalSegmentsCompareDecoded() {
    assertThat(count.matches("/api/v1/devices/c%6Funt")).isTrue();
    assertThat(device.matches("/api/v1/devices/%zz")).isTrue();
  }

  @Test
  void parametersMayShareASegmentWithLiteralText() {
    PathTemplate file = new PathTemplate("/api/v1/schemas/{name}.json");

    assertThat(file.matches("/api/v1/schemas/device.json")).isTrue();
    assertThat(file.matches("/api/v1/schemas/device.yaml")).isFalse();
  }
}
