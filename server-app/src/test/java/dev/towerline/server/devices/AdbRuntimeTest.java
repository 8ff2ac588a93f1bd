package dev.towerline.server.devices;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.protocol.Device;
import dev.towerline.server.adb.AdbConfig;
import dev.towerline.server.adb.AdbHealthProbe;
import dev.towerline.server.adb.AdbServerUnavailableException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdbRuntimeTest {

  @Test
  void startsTheDemoSimulatorWhenAskedAndServesItsDevices() {
    AdbConfig config = AdbConfig.fromEnvironment(java.util.Map.of("ADB_SIMULATOR", "3"));

    try (AdbRuntime runtime = AdbRuntime.start(config, new SimpleMeterRegistry(),
        Clock.systemUTC())) {
      assertThat(runtime.adbServer()).startsWith("127.0.0.1:").isNotEqualTo("127.0.0.1:5037");
      assertThat(runtime.simulator()).isPresent();
      assertThat(runtime.devices().all()).hasSize(3).allSatisfy(device -> {
        assertThat(device.getState()).isEqualTo(dev.towerline.protocol.DeviceState.ONLINE);
        assertThat(device.getModel()).isNotBlank();
        assertThat(device.getBatteryLevel()).isNotNull();
      });
      assertThat(runtime.gateway().serverVersion()).isEqualTo(41);
      AdbHealthProbe.Result health = runtime.healthProbe().check(Duration.ofSeconds(1));
      assertThat(health.ok()).isTrue();
      assertThat(health.message()).endsWith("answered version 41; 3 devices");
      assertThat(runtime.tracker().markBusy(runtime.devices().all().get(0).getSerial(), "ex_1"))
          .isTrue();
    }
  }

  @Test
  void startsEvenWhenAdbIsUnreachableAndSaysSoInItsHealth() throws IOException {
    int nobodyListens;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      nobodyListens = free.getLocalPort();
    }
    AdbConfig config = AdbConfig.custom().adbServer("127.0.0.1", nobodyListens)
        .callTimeout(Duration.ofMillis(500)).retryBackoff(Duration.ofMillis(5),
            Duration.ofMillis(10)).build();

    try (AdbRuntime runtime = AdbRuntime.start(config, new SimpleMeterRegistry(),
        Clock.systemUTC())) {
      assertThat(runtime.devices().all()).isEmpty();
      await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
          assertThat(runtime.tracker().mode()).isEqualTo(DeviceTracker.Mode.DISCONNECTED));
      assertThat(runtime.healthProbe().check(Duration.ofMillis(500)).ok()).isFalse();
      org.assertj.core.api.Assertions.assertThatThrownBy(runtime.gateway()::serverVersion)
          .isInstanceOf(Exception.class)
          .satisfiesAnyOf(
              e -> assertThat(e).isInstanceOf(AdbServerUnavailableException.class),
              e -> assertThat(e).hasMessageContaining("circuit breaker for ADB server"));
    }
  }

  @Test
  void closingStopsTheSimulator() {
    AdbRuntime runtime = AdbRuntime.start(AdbConfig.custom().simulator(1).build(),
        new SimpleMeterRegistry(), Clock.systemUTC());
    Device only = runtime.devices().all().get(0);

    runtime.close();

    assertThat(runtime.simulator().orElseThrow().isRunning()).isFalse();
    assertThat(runtime.devices().find(only.getSerial())).as("what it knew is kept").isPresent();
  }
}
