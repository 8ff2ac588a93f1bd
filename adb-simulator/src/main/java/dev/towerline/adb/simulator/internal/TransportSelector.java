package dev.towerline.adb.simulator.internal;

import dev.towerline.adb.simulator.DeviceState;
import java.util.List;

/**
 * Picks the device a request is for, failing with the words of the real server's {@code
 * acquire_one_transport}: offline and unauthorized devices count when looking for "the only
 * device", and are refused afterwards unless any state will do.
 */
final class TransportSelector {
  static final String UNAUTHORIZED_MESSAGE =
      "device unauthorized.\n"
          + "This adb server's $ADB_VENDOR_KEYS is not set\n"
          + "Try 'adb kill-server' if that seems wrong.\n"
          + "Otherwise check for a confirmation dialog on your device.";

  private TransportSelector() {}

  static AttachedDevice select(List<AttachedDevice> devices, Target target, boolean anyState)
      throws ServiceFailure {
    AttachedDevice found = null;
    for (AttachedDevice candidate : devices) {
      if (!matches(candidate, target)) {
        continue;
      }
      if (found != null) {
        throw new ServiceFailure(ambiguous(target));
      }
      found = candidate;
    }
    if (found == null) {
      throw new ServiceFailure(notFound(target));
    }
    if (!anyState) {
      checkConnected(found.device().state());
    }
    return found;
  }

  private static boolean matches(AttachedDevice candidate, Target target) {
    switch (target.kind()) {
      case USB:
        return !candidate.isLocal();
      case LOCAL:
        return candidate.isLocal();
      case SERIAL:
        return matchesSerial(candidate, target.serial());
      case TRANSPORT_ID:
        return candidate.transportId() == target.transportId();
      default:
        return true;
    }
  }

  /** Like adb, {@code -s} also takes {@code product:}, {@code model:} and {@code device:}. */
  private static boolean matchesSerial(AttachedDevice candidate, String wanted) {
    if (wanted.equals(candidate.serial())) {
      return true;
    }
    return wanted.startsWith("product:") && wanted.substring(8).equals(DeviceListing.product(candidate.device()))
        || wanted.startsWith("model:") && wanted.substring(6).equals(DeviceListing.model(candidate.device()))
        || wanted.startsWith("device:") && wanted.substring(7).equals(DeviceListing.deviceName(candidate.device()));
  }

  private static void checkConnected(DeviceState state) throws ServiceFailure {
    if (state == DeviceState.OFFLINE) {
      throw new ServiceFailure("device offline");
    }
    if (state == DeviceState.UNAUTHORIZED) {
      throw new ServiceFailure(UNAUTHORIZED_MESSAGE);
    }
  }

  private static String notFound(Target target) {
    switch (target.kind()) {
      case SERIAL:
        return "device '" + target.serial() + "' not found";
      case TRANSPORT_ID:
        return "no device with transport id '" + target.transportId() + "'";
      case USB:
        return "no devices found";
      case LOCAL:
        return "no emulators found";
      default:
        return "no devices/emulators found";
    }
  }

  private static String ambiguous(Target target) {
    switch (target.kind()) {
      case USB:
        return "more than one device";
      case LOCAL:
        return "more than one emulator";
      case SERIAL:
      case TRANSPORT_ID:
        return "more than one device";
      default:
        return "more than one device/emulator";
    }
  }
}
