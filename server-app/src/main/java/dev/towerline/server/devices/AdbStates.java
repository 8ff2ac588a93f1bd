package dev.towerline.server.devices;

import dev.towerline.protocol.DeviceState;
import java.util.Locale;

/** Maps the state words of {@code adb devices} to the contract's {@link DeviceState}. */
final class AdbStates {

  private AdbStates() {}

  /**
   * {@code device} is online; {@code unauthorized}, {@code authorizing} and {@code no permissions}
   * need someone at the device or host; {@code recovery}, {@code sideload} and {@code rescue} are
   * recovery modes; {@code bootloader} is itself; anything else ({@code offline}, {@code
   * connecting}, {@code host}, {@code unknown}, words of future adb versions) is offline.
   */
  static DeviceState toContract(String adbState) {
    String state = adbState.strip().toLowerCase(Locale.ROOT);
    switch (state) {
      case "device":
        return DeviceState.ONLINE;
      case "unauthorized":
      case "authorizing":
        return DeviceState.UNAUTHORIZED;
      case "recovery":
      case "sideload":
      case "rescue":
        return DeviceState.RECOVERY;
      case "bootloader":
        return DeviceState.BOOTLOADER;
      default:
        return state.startsWith("no permissions") ? DeviceState.UNAUTHORIZED : DeviceState.OFFLINE;
    }
  }
}
