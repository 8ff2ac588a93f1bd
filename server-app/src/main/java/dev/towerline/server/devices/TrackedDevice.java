package dev.towerline.server.devices;

import dev.towerline.protocol.ApiError;
import dev.towerline.protocol.BreakerState;
import dev.towerline.protocol.Device;
import dev.towerline.protocol.DeviceLink;
import dev.towerline.protocol.DeviceState;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.adb.AdbDevice;
import dev.towerline.server.adb.AdbException;
import dev.towerline.server.adb.AdbServerUnavailableException;
import dev.towerline.server.adb.LinkHealth;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What Towerline knows about one device, immutable; each change makes a new one.
 *
 * @param adbState the state word ADB last listed it with; {@code null} while it is not listed
 *     (unplugged, or the ADB server unreachable)
 * @param executionId the running execution, kept while the device is briefly offline; {@code null}
 *     when idle
 * @param propertiesLoaded whether properties were read since the device last came online
 */
record TrackedDevice(
    String serial,
    String adbState,
    DeviceState state,
    Instant lastSeenAt,
    Instant stateChangedAt,
    String model,
    String manufacturer,
    String androidVersion,
    Long sdkLevel,
    String abi,
    Long batteryLevel,
    List<String> labels,
    String executionId,
    boolean propertiesLoaded) {

  private static final int NANOS_PER_MILLI = 1_000_000;

  static final String MODEL = "ro.product.model";
  static final String MANUFACTURER = "ro.product.manufacturer";
  static final String RELEASE = "ro.build.version.release";
  static final String SDK = "ro.build.version.sdk";
  static final String ABI = "ro.product.cpu.abi";

  TrackedDevice {
    Objects.requireNonNull(serial, "serial");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(lastSeenAt, "lastSeenAt");
    Objects.requireNonNull(stateChangedAt, "stateChangedAt");
    labels = List.copyOf(labels);
  }

  /** A device seen for the first time. */
  static TrackedDevice first(String serial, String adbState, List<String> labels, Instant now) {
    return new TrackedDevice(serial, adbState, stateOf(adbState, null), now, now, null, null, null,
        null, null, null, labels, null, false);
  }

  /** Listed again by ADB, in {@code newAdbState}. */
  TrackedDevice listed(String newAdbState, Instant now) {
    // Coming (back) online: read the properties again, the OS may have changed meanwhile.
    boolean cameOnline = AdbDevice.STATE_DEVICE.equals(newAdbState) && !isReady();
    return with(newAdbState, executionId, now, now, !cameOnline && propertiesLoaded);
  }

  /** No longer listed, or the ADB server is unreachable: offline, keeping what we knew. */
  TrackedDevice unlisted(Instant now) {
    return with(null, executionId, lastSeenAt, now, propertiesLoaded);
  }

  /** Seen in a list without a change (polled as a liveness check). */
  TrackedDevice seen(Instant now) {
    return new TrackedDevice(serial, adbState, state, now, stateChangedAt, model, manufacturer,
        androidVersion, sdkLevel, abi, batteryLevel, labels, executionId, propertiesLoaded);
  }

  TrackedDevice busy(String newExecutionId, Instant now) {
    return with(adbState, newExecutionId, lastSeenAt, now, propertiesLoaded);
  }

  TrackedDevice idle(Instant now) {
    return with(adbState, null, lastSeenAt, now, propertiesLoaded);
  }

  TrackedDevice withProperties(Map<String, String> properties) {
    return new TrackedDevice(serial, adbState, state, lastSeenAt, stateChangedAt,
        text(properties, MODEL, model), text(properties, MANUFACTURER, manufacturer),
        text(properties, RELEASE, androidVersion), sdk(properties.get(SDK), sdkLevel),
        text(properties, ABI, abi), batteryLevel, labels, executionId, true);
  }

  TrackedDevice withBatteryLevel(int percent) {
    if (percent < 0 || percent > 100) {
      return this;
    }
    return new TrackedDevice(serial, adbState, state, lastSeenAt, stateChangedAt, model,
        manufacturer, androidVersion, sdkLevel, abi, (long) percent, labels, executionId,
        propertiesLoaded);
  }

  /** Whether ADB lists it up and authorized. */
  boolean isReady() {
    return AdbDevice.STATE_DEVICE.equals(adbState);
  }

  /**
   * Whether a listener would see a difference. What {@link #toDevice} does not show does not
   * count: {@code last_seen_at}, the ADB state word behind the contract's state (unauthorized and
   * authorizing look alike), and whether the properties were read — reading them again after the
   * device comes back, and finding them unchanged, is no change.
   */
  boolean visiblyDiffersFrom(TrackedDevice other) {
    return !asListenersSeeIt().equals(other.asListenersSeeIt());
  }

  private TrackedDevice asListenersSeeIt() {
    return new TrackedDevice(serial, null, state, Instant.EPOCH, stateChangedAt, model, manufacturer,
        androidVersion, sdkLevel, abi, batteryLevel, labels, executionId, false);
  }

  /** The contract's shape, with the link as its breaker sees it now. */
  Device toDevice(LinkHealth link) {
    return new Device()
        .withSerial(serial)
        .withState(state)
        .withModel(model)
        .withManufacturer(manufacturer)
        .withAndroidVersion(androidVersion)
        .withSdkLevel(sdkLevel)
        .withAbi(abi)
        .withBatteryLevel(batteryLevel)
        .withLabels(new ArrayList<>(labels))
        .withLastSeenAt(utc(lastSeenAt))
        .withStateChangedAt(utc(stateChangedAt))
        .withLink(link(link))
        .withCurrentExecutionId(state == DeviceState.BUSY ? executionId : null);
  }

  private TrackedDevice with(String newAdbState, String newExecutionId, Instant seenAt,
      Instant now, boolean loaded) {
    DeviceState newState = stateOf(newAdbState, newExecutionId);
    return new TrackedDevice(serial, newAdbState, newState, seenAt,
        newState == state ? stateChangedAt : now, model, manufacturer, androidVersion, sdkLevel,
        abi, batteryLevel, labels, newExecutionId, loaded);
  }

  private static DeviceState stateOf(String adbState, String executionId) {
    if (adbState == null) {
      return DeviceState.OFFLINE;
    }
    DeviceState state = AdbStates.toContract(adbState);
    return state == DeviceState.ONLINE && executionId != null ? DeviceState.BUSY : state;
  }

  static DeviceLink link(LinkHealth health) {
    DeviceLink link = new DeviceLink()
        .withBreakerState(breakerState(health.state()))
        .withConsecutiveFailures(health.consecutiveFailures());
    health.lastFailureAt().ifPresent(at -> link.withLastFailureAt(utc(at)));
    if (health.state() == LinkHealth.State.OPEN) {
      health.retryAfter().ifPresent(after -> link.withRetryAfterSeconds(ceilSeconds(after)));
    }
    health.lastError().ifPresent(error -> link.withLastError(apiError(error)));
    return link;
  }

  private static ApiError apiError(AdbException error) {
    ErrorCode code = error instanceof AdbServerUnavailableException ? ErrorCode.ADB_UNAVAILABLE
        : ErrorCode.ADB_COMMAND_FAILED;
    return new ApiError()
        .withCode(code)
        .withMessage(error.getMessage())
        .withDetails(new LinkedHashMap<>(error.details()));
  }

  private static BreakerState breakerState(LinkHealth.State state) {
    switch (state) {
      case OPEN:
        return BreakerState.OPEN;
      case HALF_OPEN:
        return BreakerState.HALF_OPEN;
      default:
        return BreakerState.CLOSED;
    }
  }

  private static long ceilSeconds(Duration duration) {
    return duration.getSeconds() + (duration.getNano() > 0 ? 1 : 0);
  }

  /** To the millisecond, in UTC; built directly, as {@code ofInstant} looks up zone rules each time. */
  private static OffsetDateTime utc(Instant instant) {
    int millisAsNanos = instant.getNano() / NANOS_PER_MILLI * NANOS_PER_MILLI;
    return OffsetDateTime.of(
        LocalDateTime.ofEpochSecond(instant.getEpochSecond(), millisAsNanos, ZoneOffset.UTC), ZoneOffset.UTC);
  }

  private static String text(Map<String, String> properties, String key, String fallback) {
    String value = properties.get(key);
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  private static Long sdk(String value, Long fallback) {
    try {
      long level = Long.parseLong(value == null ? "" : value.strip());
      return level >= 1 ? level : fallback;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
