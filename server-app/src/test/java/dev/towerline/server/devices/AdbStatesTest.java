package dev.towerline.server.devices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.protocol.DeviceState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdbStatesTest {

  @ParameterizedTest
  @CsvSource({
      "device,ONLINE",
      "offline,OFFLINE",
      "unauthorized,UNAUTHORIZED",
      "authorizing,UNAUTHORIZED",
      "no permissions (user in plugdev group),UNAUTHORIZED",
      "recovery,RECOVERY",
      "sideload,RECOVERY",
      "rescue,RECOVERY",
      "bootloader,BOOTLOADER",
      "connecting,OFFLINE",
      "host,OFFLINE",
      "unknown,OFFLINE",
      "something-new,OFFLINE"})
  void mapsAdbStateWordsToTheContractsStates(String adbState, DeviceState expected) {
    assertThat(AdbStates.toContract(adbState)).isEqualTo(expected);
  }
}
