package dev.towerline.server.devices;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.towerline.adb.simulator.AdbSimulator;
import dev.towerline.adb.simulator.DeviceState;
import dev.towerline.adb.simulator.VirtualDevice;
import dev.towerline.protocol.BreakerState;
import dev.towerline.protocol.Device;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.adb.AdbCircuitOpenException;
import dev.towerline.server.adb.AdbCommandFailedException;
import dev.towerline.server.adb.AdbConfig;
import dev.towerline.server.adb.AdbGateway;
import dev.towerline.server.adb.CountingGateway;
import dev.towerline.server.adb.LinkHealth;
import dev.towerline.server.adb.LogCapture;
import dev.towerline.server.adb.MutableClock;
import dev.towerline.server.adb.ResilientAdbGateway;
import dev.towerline.server.adb.SocketAdbClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeviceTrackerTest {

  static final String PIXEL = "emulator-5554";
  static final String GALAXY = "R58M123ABC";

  private final MutableClock clock = MutableClock.atTheEpochOfTheTests();
  private final List<Device> announced = new CopyOnWriteArrayList<>();
  private AdbSimulator sim;
  private AdbConfig config;
  private ResilientAdbGateway gateway;
  private DeviceTracker tracker;

  @BeforeEach
  void startSimulator() throws IOException {
    sim = AdbSimulator.builder()
        .device(VirtualDevice.builder(PIXEL).model("Pixel 7").batteryLevel(80).build())
        .device(VirtualDevice.builder(GALAXY).model("SM-G991B").manufacturer("samsung")
            .androidVersion("13").sdk(33).abi("arm64-v8a").batteryLevel(64).build())
        .build()
        .start();
    config = AdbConfig.custom()
        .adbServer("127.0.0.1", sim.port())
        .callTimeout(Duration.ofMillis(500))
        .connectTimeout(Duration.ofMillis(300))
        .pollInterval(Duration.ofMillis(200))
        .retryBackoff(Duration.ofMillis(5), Duration.ofMillis(20))
        .reconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(100))
        .deviceLabels(Map.of(GALAXY, List.of("rack-b", "nightly")))
        .build();
  }

  @AfterEach
  void stopEverything() {
    if (tracker != null) {
      tracker.close();
    }
    if (gateway != null) {
      gateway.close();
    }
    sim.close();
  }

  private DeviceTracker startTracker(UnaryOperator<AdbGateway> wrapClient) {
    gateway = new ResilientAdbGateway(wrapClient.apply(new SocketAdbClient(config)), config,
        new SimpleMeterRegistry(), clock);
    tracker = new DeviceTracker(gateway, gateway, config, clock);
    tracker.addListener(announced::add);
    tracker.start();
    assertThat(tracker.awaitFirstDiscovery(Duration.ofSeconds(5))).isTrue();
    return tracker;
  }

  private DeviceTracker startTracker() {
    return startTracker(client -> client);
  }

  private Device device(String serial) {
    return tracker.find(serial).orElseThrow();
  }

  private static OffsetDateTime utc(MutableClock clock) {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  @Test
  void listsEveryDeviceWithPropertiesBatteryLabelsAndLinkOnceStarted() {
    startTracker();

    assertThat(tracker.mode()).isEqualTo(DeviceTracker.Mode.TRACKING);
    assertThat(tracker.all()).extracting(Device::getSerial).containsExactly(GALAXY, PIXEL);
    Device galaxy = device(GALAXY);
    assertThat(galaxy.getState()).isEqualTo(dev.towerline.protocol.DeviceState.ONLINE);
    assertThat(galaxy.getModel()).isEqualTo("SM-G991B");
    assertThat(galaxy.getManufacturer()).isEqualTo("samsung");
    assertThat(galaxy.getAndroidVersion()).isEqualTo("13");
    assertThat(galaxy.getSdkLevel()).isEqualTo(33L);
    assertThat(galaxy.getAbi()).isEqualTo("arm64-v8a");
    assertThat(galaxy.getBatteryLevel()).isEqualTo(64L);
    assertThat(galaxy.getLabels()).containsExactly("rack-b", "nightly");
    assertThat(galaxy.getLastSeenAt()).isEqualTo(utc(clock));
    assertThat(galaxy.getStateChangedAt()).isEqualTo(utc(clock));
    assertThat(galaxy.getLink().getBreakerState()).isEqualTo(BreakerState.CLOSED);
    assertThat(galaxy.getLink().getConsecutiveFailures()).isZero();
    assertThat(galaxy.getCurrentExecutionId()).isNull();
    assertThat(device(PIXEL).getLabels()).isEmpty();
  }

  @Test
  void devicesGoOfflineWhenAdbServerStopsAndReturnWhenItRestarts() throws IOException {
    startTracker();
    OffsetDateTime lastSeen = device(PIXEL).getLastSeenAt();
    clock.advance(Duration.ofMinutes(1));

    sim.stop();

    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(tracker.all()).allSatisfy(device -> assertThat(device.getState())
        .isEqualTo(dev.towerline.protocol.DeviceState.OFFLINE)));
    assertThat(tracker.mode()).isEqualTo(DeviceTracker.Mode.DISCONNECTED);
    Device offline = device(PIXEL);
    assertThat(offline.getModel()).as("properties are kept").isEqualTo("Pixel 7");
    assertThat(offline.getBatteryLevel()).isEqualTo(80L);
    assertThat(offline.getLastSeenAt()).isEqualTo(lastSeen);
    assertThat(offline.getStateChangedAt()).isEqualTo(utc(clock));

    sim.start();

    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(tracker.all()).allSatisfy(device -> assertThat(device.getState())
        .isEqualTo(dev.towerline.protocol.DeviceState.ONLINE)));
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(tracker.mode()).isEqualTo(DeviceTracker.Mode.TRACKING));
    assertThat(device(PIXEL).getLastSeenAt()).isEqualTo(utc(clock));
  }

  @Test
  void devicesGoOfflineWhenAdbServerHangsAndReturnWhenItAnswersAgain() {
    startTracker();

    sim.faults().hang(Duration.ofMinutes(5));

    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(device(PIXEL).getState())
        .isEqualTo(dev.towerline.protocol.DeviceState.OFFLINE));
    assertThat(tracker.mode()).isEqualTo(DeviceTracker.Mode.DISCONNECTED);

    sim.faults().clearHang();

    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(device(PIXEL).getState())
        .isEqualTo(dev.towerline.protocol.DeviceState.ONLINE));
  }

  @Test
  void deviceOfflineAndOnlineIsTracked() {
    startTracker();
    announced.clear();

    sim.faults().takeOffline(PIXEL);
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(device(PIXEL).getState())
        .isEqualTo(dev.towerline.protocol.DeviceState.OFFLINE));
    assertThat(device(PIXEL).getModel()).isEqualTo("Pixel 7");
    assertThat(device(GALAXY).getState()).isEqualTo(dev.towerline.protocol.DeviceState.ONLINE);

    sim.faults().bringOnline(PIXEL);
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(device(PIXEL).getState())
        .isEqualTo(dev.towerline.protocol.DeviceState.ONLINE));

    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(announced).extracting(Device::getSerial, Device::getState)
        .containsSubsequence(
            org.assertj.core.groups.Tuple.tuple(PIXEL, dev.towerline.protocol.DeviceState.OFFLINE),
            org.assertj.core.groups.Tuple.tuple(PIXEL, dev.towerline.protocol.DeviceState.ONLINE)));
  }

  @Test
  void propertiesAreReadWhenDeviceComesOnline() {
    sim.putDevice(VirtualDevice.builder("booting").state(DeviceState.OFFLINE).model("Pixel 8")
        .androidVersion("14").sdk(34).batteryLevel(55).build());
    startTracker();
    assertThat(device("booting").getState()).isEqualTo(dev.towerline.protocol.DeviceState.OFFLINE);
    assertThat(device("booting").getModel()).isNull();
    // An OS update while it was away is picked up when it comes back.
    sim.updateDevice("booting", d -> d.toBuilder().androidVersion("15").sdk(35).build());

    sim.faults().bringOnline("booting");

    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      Device booted = device("booting");
      assertThat(booted.getState()).isEqualTo(dev.towerline.protocol.DeviceState.ONLINE);
      assertThat(booted.getModel()).isEqualTo("Pixel 8");
      assertThat(booted.getAndroidVersion()).isEqualTo("15");
      assertThat(booted.getSdkLevel()).isEqualTo(35L);
      assertThat(booted.getBatteryLevel()).isEqualTo(55L);
    });
  }

  @Test
  void unauthorizedRecoveryAndBootloaderAreMappedToTheContractsStates() {
    startTracker();

    sim.faults().revokeAuthorization(PIXEL);
    sim.setState(GALAXY, DeviceState.RECOVERY);
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      assertThat(device(PIXEL).getState())
          .isEqualTo(dev.towerline.protocol.DeviceState.UNAUTHORIZED);
      assertThat(device(GALAXY).getState()).isEqualTo(dev.towerline.protocol.DeviceState.RECOVERY);
    });

    sim.setState(GALAXY, DeviceState.BOOTLOADER);
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(device(GALAXY).getState())
        .isEqualTo(dev.towerline.protocol.DeviceState.BOOTLOADER));
  }

  @Test
  void unpluggedDeviceStaysListedAsOffline() {
    startTracker();

    sim.removeDevice(GALAXY);

    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(device(GALAXY).getState())
        .isEqualTo(dev.towerline.protocol.DeviceState.OFFLINE));
    assertThat(tracker.all()).hasSize(2);
  }

  @Test
  void pollsTheDeviceListWhenTrackingFails() {
    startTracker(client -> {
      CountingGateway noTracking = new CountingGateway(client);
      noTracking.refuseTracking();
      return noTracking;
    });

    assertThat(tracker.mode()).isEqualTo(DeviceTracker.Mode.POLLING);
    assertThat(device(PIXEL).getModel()).isEqualTo("Pixel 7");

    sim.faults().takeOffline(PIXEL);
    sim.putDevice(VirtualDevice.builder("emulator-5556").model("Pixel 8").build());

    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      assertThat(device(PIXEL).getState()).isEqualTo(dev.towerline.protocol.DeviceState.OFFLINE);
      assertThat(tracker.find("emulator-5556")).get().extracting(Device::getModel)
          .isEqualTo("Pixel 8");
    });
  }

  @Test
  void batteryLevelIsRefreshedEveryPollInterval() {
    startTracker();

    sim.updateDevice(PIXEL, d -> d.withBatteryLevel(5));

    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(device(PIXEL).getBatteryLevel()).isEqualTo(5L));
  }

  @Test
  void listenersAreNotifiedOnBreakerTransition() {
    startTracker();
    announced.clear();
    sim.faults().failNextCommands(PIXEL, 3);

    assertThatThrownBy(() -> gateway.properties(PIXEL))
        .isInstanceOf(AdbCommandFailedException.class);

    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(announced).anySatisfy(device -> {
      assertThat(device.getSerial()).isEqualTo(PIXEL);
      assertThat(device.getLink().getBreakerState()).isEqualTo(BreakerState.OPEN);
    }));
    Device tripped = device(PIXEL);
    assertThat(tripped.getLink().getConsecutiveFailures()).isEqualTo(3L);
    assertThat(tripped.getLink().getRetryAfterSeconds())
        .isEqualTo(AdbConfig.DEFAULT_BREAKER_COOLDOWN_SECONDS);
    assertThat(tripped.getLink().getLastFailureAt()).isEqualTo(utc(clock));
    assertThat(tripped.getLink().getLastError().getCode()).isEqualTo(ErrorCode.ADB_COMMAND_FAILED);
    assertThat(tripped.getLink().getLastError().getMessage())
        .isEqualTo("ADB refused properties on device 'emulator-5554': closed");
    assertThat(tripped.getState()).as("the device itself is still listed by ADB")
        .isEqualTo(dev.towerline.protocol.DeviceState.ONLINE);
  }

  @Test
  void busyFollowsExecutionsOnOnlineDevicesOnly() {
    startTracker();
    sim.faults().takeOffline(GALAXY);
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(device(GALAXY).getState())
        .isEqualTo(dev.towerline.protocol.DeviceState.OFFLINE));

    assertThat(tracker.markBusy(PIXEL, "ex_1")).isTrue();
    assertThat(tracker.markBusy(GALAXY, "ex_2")).isFalse();
    assertThat(tracker.markBusy("unknown", "ex_3")).isFalse();
    assertThat(device(PIXEL).getState()).isEqualTo(dev.towerline.protocol.DeviceState.BUSY);
    assertThat(device(PIXEL).getCurrentExecutionId()).isEqualTo("ex_1");

    assertThat(tracker.markIdle(PIXEL)).isTrue();
    assertThat(tracker.markIdle(PIXEL)).isFalse();
    assertThat(device(PIXEL).getState()).isEqualTo(dev.towerline.protocol.DeviceState.ONLINE);
    assertThat(device(PIXEL).getCurrentExecutionId()).isNull();
  }

  @Test
  void returnsFreshCopiesThatCallersMayChange() {
    startTracker();

    device(PIXEL).withModel("scribbled").getLabels().add("scribbled");

    assertThat(device(PIXEL).getModel()).isEqualTo("Pixel 7");
    assertThat(device(PIXEL).getLabels()).isEmpty();
  }

  @Test
  void listShowsEveryChangeAtOnceAfterEarlierListings() {
    startTracker();
    assertThat(listed(PIXEL).getState()).isEqualTo(dev.towerline.protocol.DeviceState.ONLINE);

    assertThat(tracker.markBusy(PIXEL, "ex_1")).isTrue();
    assertThat(listed(PIXEL).getState()).isEqualTo(dev.towerline.protocol.DeviceState.BUSY);
    assertThat(listed(PIXEL).getCurrentExecutionId()).isEqualTo("ex_1");

    openBreakerOf(PIXEL);
    assertThat(listed(PIXEL).getLink().getBreakerState()).isEqualTo(BreakerState.OPEN);
    assertThat(listed(PIXEL).getLink().getConsecutiveFailures()).isEqualTo(3L);
    clock.advance(Duration.ofSeconds(10));
    assertThat(listed(PIXEL).getLink().getRetryAfterSeconds()).isEqualTo(AdbConfig.DEFAULT_BREAKER_COOLDOWN_SECONDS - 10);

    assertThat(tracker.markIdle(PIXEL)).isTrue();
    assertThat(listed(PIXEL).getState()).isEqualTo(dev.towerline.protocol.DeviceState.ONLINE);
    assertThat(listed(PIXEL)).isEqualTo(device(PIXEL));
  }

  @Test
  void theVersionChangesWithEveryChangeAListShowsAndIsEmptyWhileABreakerCountsDown() {
    startTracker();
    Object idle = tracker.version().orElseThrow();
    assertThat(tracker.version()).hasValue(idle);

    assertThat(tracker.markBusy(PIXEL, "ex_1")).isTrue();
    Object busy = tracker.version().orElseThrow();
    assertThat(busy).isNotEqualTo(idle);

    openBreakerOf(PIXEL);
    assertThat(tracker.version()).isEmpty();

    clock.advance(Duration.ofSeconds(AdbConfig.DEFAULT_BREAKER_COOLDOWN_SECONDS + 1));
    gateway.properties(PIXEL);
    assertThat(listed(PIXEL).getLink().getBreakerState()).isEqualTo(BreakerState.CLOSED);
    assertThat(tracker.version().orElseThrow()).isNotEqualTo(busy);
  }

  @Test
  void listsFreshCopiesThatCallersMayChange() {
    startTracker();
    Device scribbled = listed(GALAXY);

    scribbled.withModel("scribbled").withQueuedExecutions(7L).getLabels().add("scribbled");
    scribbled.getLink().withConsecutiveFailures(9L);

    Device again = listed(GALAXY);
    assertThat(again.getModel()).isEqualTo("SM-G991B");
    assertThat(again.getQueuedExecutions()).isNull();
    assertThat(again.getLabels()).containsExactly("rack-b", "nightly");
    assertThat(again.getLink().getConsecutiveFailures()).isZero();
  }

  /**
   * Fails the device's commands until its breaker opens: the tracker's own polls may take some of
   * the failures first, and a call that succeeds resets the count.
   */
  private void openBreakerOf(String serial) {
    await().atMost(Duration.ofSeconds(10)).until(() -> {
      sim.faults().failNextCommands(serial, 3);
      try {
        gateway.properties(serial);
      } catch (AdbCommandFailedException | AdbCircuitOpenException expected) {
        // the failures this is after
      }
      return gateway.device(serial).state() == LinkHealth.State.OPEN;
    });
    sim.faults().clear();
  }

  private Device listed(String serial) {
    return tracker.all().stream().filter(d -> d.getSerial().equals(serial)).findFirst().orElseThrow();
  }

  @Test
  void logsAdbDisconnectAndReconnectAsStructuredLines() throws IOException {
    try (LogCapture logs = new LogCapture(DeviceTracker.class)) {
      startTracker();
      sim.stop();
      await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(tracker.mode()).isEqualTo(DeviceTracker.Mode.DISCONNECTED));
      sim.start();
      await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(tracker.mode()).isEqualTo(DeviceTracker.Mode.TRACKING));

      String server = "\"adb_server\":\"127.0.0.1:" + sim.port() + "\"";
      assertThat(logs.jsonLinesContaining("ADB device tracking lost")).singleElement().asString()
          .contains(server, "\"attempt\":");
      assertThat(logs.jsonLinesContaining("is unreachable")).singleElement().asString()
          .contains(server, "\"attempt\":1");
      assertThat(logs.jsonLinesContaining("ADB device tracking connected")).hasSize(2)
          .last().asString().contains(server, "\"attempt\":", "\"previous_mode\":\"disconnected\"");
    }
  }
}
