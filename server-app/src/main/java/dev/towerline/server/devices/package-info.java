/**
 * The lab's devices: {@link dev.towerline.server.devices.DeviceTracker} keeps them current over ADB
 * (tracking, polling fallback, reconnect after an ADB restart) and serves them through {@link
 * dev.towerline.server.devices.DeviceDirectory} as the contract's {@code Device};
 * {@link dev.towerline.server.devices.AdbRuntime} wires ADB and the tracker for {@code Main}. Free
 * of HTTP types. Non-null unless a method or parameter says otherwise.
 */
package dev.towerline.server.devices;
