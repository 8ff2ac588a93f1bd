package dev.towerline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryProbeTest {
  private static final String OFFLINE = "{\"type\":\"device.updated\",\"seq\":7,\"device\":{\"serial\":\"GO02A48995\","
      + "\"state\":\"offline\",\"breaker\":{\"state\":\"closed\"}}}";

  @Test
  void recordsEachClientsFirstMatchingFrameOnly() throws InterruptedException {
    DeliveryProbe probe = new DeliveryProbe("GO02A48995", "offline", 3, 2);

    probe.offer(0, OFFLINE, 1_500_000);
    probe.offer(0, OFFLINE, 9_000_000);
    probe.offer(2, OFFLINE, 3_000_000);

    assertThat(probe.await(0)).isTrue();
    assertThat(probe.received()).isEqualTo(2);
    assertThat(probe.latenciesMicros(1_000_000)).containsExactly(500, 2000);
  }

  @Test
  void ignoresOtherDevicesOtherStatesAndOtherFrames() throws InterruptedException {
    DeliveryProbe probe = new DeliveryProbe("GO02A48995", "online", 1, 1);

    probe.offer(0, OFFLINE, 2);
    probe.offer(0, OFFLINE.replace("offline", "online").replace("GO02A48995", "GO02A48996"), 3);
    probe.offer(0, "{\"type\":\"snapshot\",\"devices\":[{\"serial\":\"GO02A48995\",\"state\":\"online\"}]}", 4);

    assertThat(probe.await(0)).isFalse();
    assertThat(probe.received()).isZero();
  }

  @Test
  void matchesFrameBytesWhereTheyLieInsideALargerRead() throws InterruptedException {
    DeliveryProbe probe = new DeliveryProbe("GO02A48995", "offline", 2, 2);
    byte[] frame = OFFLINE.getBytes(StandardCharsets.UTF_8);
    byte[] read = new byte[frame.length + 20];
    System.arraycopy(frame, 0, read, 10, frame.length);

    probe.offer(1, read, 10, frame.length, 3_000_000);
    probe.offer(0, read, 10, frame.length - 60, 4_000_000);

    assertThat(probe.await(0)).isFalse();
    assertThat(probe.received()).isEqualTo(1);
    assertThat(probe.latenciesMicros(1_000_000)).containsExactly(2000);
  }

  @Test
  void ignoresOtherDevicesOtherStatesAndOtherFramesAsBytes() throws InterruptedException {
    DeliveryProbe probe = new DeliveryProbe("GO02A48995", "online", 1, 1);

    for (String frame : List.of(OFFLINE, OFFLINE.replace("offline", "online").replace("GO02A48995", "GO02A48996"),
        "{\"type\":\"snapshot\",\"devices\":[{\"serial\":\"GO02A48995\",\"state\":\"online\"}]}")) {
      byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
      probe.offer(0, bytes, 0, bytes.length, 2);
    }

    assertThat(probe.await(0)).isFalse();
    assertThat(probe.received()).isZero();
  }
}
