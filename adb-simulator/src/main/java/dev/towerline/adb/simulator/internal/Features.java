package dev.towerline.adb.simulator.internal;

import dev.towerline.adb.simulator.VirtualDevice;

/** The feature list a device advertises in {@code host-serial:<serial>:features}. */
final class Features {
  /**
   * What an Android 10 device says, trimmed to features the simulator does not contradict. The
   * real client switches to {@code shell,v2,...} when it sees {@code shell_v2}.
   */
  static final String SHELL_V2_DEVICE = "shell_v2,cmd,stat_v2,ls_v2,fixed_push_mkdir,apex";

  private Features() {}

  /** Devices before Android 7 advertise nothing, so clients use the legacy shell. */
  static String of(VirtualDevice device) {
    return device.shellV2() ? SHELL_V2_DEVICE : "";
  }
}
