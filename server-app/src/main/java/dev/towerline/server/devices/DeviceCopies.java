package dev.towerline.server.devices;

import dev.towerline.protocol.ApiError;
import dev.towerline.protocol.Device;
import dev.towerline.protocol.DeviceLink;
import java.util.ArrayList;
import java.util.LinkedHashMap;

/**
 * Copies of the contract's device shape that share only immutable values (strings, numbers, enums,
 * timestamps) with the original, so a caller may change its copy without changing anyone else's.
 */
final class DeviceCopies {

  private DeviceCopies() {}

  static Device copyOf(Device device) {
    return new Device()
        .withSerial(device.getSerial())
        .withState(device.getState())
        .withModel(device.getModel())
        .withManufacturer(device.getManufacturer())
        .withAndroidVersion(device.getAndroidVersion())
        .withSdkLevel(device.getSdkLevel())
        .withAbi(device.getAbi())
        .withBatteryLevel(device.getBatteryLevel())
        .withLabels(device.getLabels() == null ? null : new ArrayList<>(device.getLabels()))
        .withLastSeenAt(device.getLastSeenAt())
        .withStateChangedAt(device.getStateChangedAt())
        .withLink(device.getLink() == null ? null : copyOf(device.getLink()))
        .withCurrentExecutionId(device.getCurrentExecutionId())
        .withQueuedExecutions(device.getQueuedExecutions());
  }

  private static DeviceLink copyOf(DeviceLink link) {
    return new DeviceLink()
        .withBreakerState(link.getBreakerState())
        .withConsecutiveFailures(link.getConsecutiveFailures())
        .withLastFailureAt(link.getLastFailureAt())
        .withRetryAfterSeconds(link.getRetryAfterSeconds())
        .withLastError(link.getLastError() == null ? null : copyOf(link.getLastError()));
  }

  private static ApiError copyOf(ApiError error) {
    return new ApiError()
        .withCode(error.getCode())
        .withMessage(error.getMessage())
        .withDetails(error.getDetails() == null ? null : new LinkedHashMap<>(error.getDetails()));
  }
}
