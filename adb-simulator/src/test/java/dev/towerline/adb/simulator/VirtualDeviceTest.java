package dev.towerline.adb.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class VirtualDeviceTest {
  @Test
  void startsAsAnOnlinePixelWithTheWellKnownProperties() {
    VirtualDevice device = VirtualDevice.builder("emulator-5554").build();

    assertThat(device.state()).isEqualTo(DeviceState.DEVICE);
    assertThat(device.shellV2()).isTrue();
    assertThat(device.batteryLevel()).isEqualTo(VirtualDevice.DEFAULT_BATTERY_LEVEL_PERCENT);
    assertThat(device.properties()).containsKeys(VirtualDevice.MODEL, VirtualDevice.MANUFACTURER,
        VirtualDevice.RELEASE, VirtualDevice.SDK, VirtualDevice.ABI, VirtualDevice.PRODUCT,
        VirtualDevice.DEVICE_NAME).containsEntry("ro.serialno", "emulator-5554");
    assertThat(device.sdk()).isEqualTo(34);
  }

  @Test
  void makesChangedCopiesAndComparesByValue() {
    VirtualDevice device = VirtualDevice.builder("R58M123ABC").model("SM-G991B").build();

    VirtualDevice offline = device.withState(DeviceState.OFFLINE);
    VirtualDevice drained = device.withBatteryLevel(4);

    assertThat(offline.state()).isEqualTo(DeviceState.OFFLINE);
    assertThat(offline.model()).isEqualTo("SM-G991B");
    assertThat(drained.batteryLevel()).isEqualTo(4);
    assertThat(device.toBuilder().build()).isEqualTo(device).hasSameHashCodeAs(device);
    assertThat(offline).isNotEqualTo(device);
    assertThat(device.toString()).contains("R58M123ABC", "SM-G991B");
  }

  @Test
  void refusesBadValuesNamingThem() {
    assertThatThrownBy(() -> VirtualDevice.builder("has space"))
        .hasMessageContaining("'has space'");
    assertThatThrownBy(() -> VirtualDevice.builder("x").batteryLevel(101))
        .hasMessageContaining("101");
    assertThatThrownBy(() -> VirtualDevice.builder("x").sdk(0)).hasMessageContaining(": 0");
    assertThatThrownBy(() -> VirtualDevice.builder("x").property("ro.build.version.sdk", "U"))
        .hasMessageContaining("'U'");
    assertThatThrownBy(() -> VirtualDevice.builder("x").property("a key", "v"))
        .hasMessageContaining("'a key'");
    assertThatThrownBy(() -> AdbSimulator.builder().port(70000)).hasMessageContaining("70000");
  }

  @Test
  void demoRackIsVariedAndTheSameEveryTime() {
    List<VirtualDevice> rack = AdbSimulator.demo(50).devices();

    assertThat(rack).hasSize(50).isEqualTo(AdbSimulator.demo(50).devices());
    assertThat(rack).extracting(VirtualDevice::serial).doesNotHaveDuplicates()
        .contains("emulator-5554", "emulator-5556");
    assertThat(rack.stream().map(VirtualDevice::manufacturer).collect(Collectors.toSet()))
        .hasSizeGreaterThanOrEqualTo(7);
    assertThat(rack.stream().map(VirtualDevice::androidVersion).collect(Collectors.toSet()))
        .contains("14", "13", "12", "11", "8.1.0", "5.1.1");
    assertThat(rack.stream().map(VirtualDevice::batteryLevel).collect(Collectors.toSet()))
        .hasSizeGreaterThan(15);
    assertThat(rack).anyMatch(device -> !device.shellV2());
    assertThat(rack).extracting(VirtualDevice::state).containsOnlyOnce(
        DeviceState.UNAUTHORIZED, DeviceState.OFFLINE);
    assertThat(rack.get(6).state()).isEqualTo(DeviceState.UNAUTHORIZED);
    assertThat(rack.get(7).state()).isEqualTo(DeviceState.OFFLINE);
    assertThat(rack).filteredOn(device -> device.state() == DeviceState.DEVICE).hasSize(48);
  }

  @Test
  void aSmallDemoRackIsAllOnlineAndAGrownOneKeepsItsSerials() {
    assertThat(AdbSimulator.demo(7).devices())
        .allMatch(device -> device.state() == DeviceState.DEVICE);
    assertThat(AdbSimulator.demo(12).devices()).extracting(VirtualDevice::serial)
        .startsWith(AdbSimulator.demo(7).devices().stream().map(VirtualDevice::serial)
            .toArray(String[]::new));
  }

  @Test
  void demoLabelsPutEveryDeviceOnAShelfAndSayWhetherItIsAnEmulator() {
    List<VirtualDevice> rack = AdbSimulator.demo(12).devices();
    var labels = AdbSimulator.demoLabels(12);

    assertThat(labels.keySet()).containsExactlyElementsOf(
        rack.stream().map(VirtualDevice::serial).toList());
    assertThat(labels.get(rack.get(0).serial())).containsExactly("rack-a", "phone");
    assertThat(labels.get("emulator-5554")).containsExactly("rack-a", "emulator");
    assertThat(labels.get(rack.get(11).serial())).containsExactly("rack-b", "phone");
  }
}
