package dev.towerline.adb.simulator.internal;

import dev.towerline.adb.simulator.VirtualDevice;

/**
 * A device as the server knows it: the description plus the transport id the server gave it when
 * it appeared, which {@code host:tport:} reports and {@code devices -l} lists.
 */
record AttachedDevice(VirtualDevice device, long transportId) {
  String serial() {
    return device.serial();
  }

  /** Emulators and TCP devices are "local" transports to adb; everything else is USB. */
  boolean isLocal() {
    return serial().startsWith("emulator-") || serial().indexOf(':') >= 0;
  }
}
