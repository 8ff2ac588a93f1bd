/**
 * Towerline's port to ADB and its adapters. {@link dev.towerline.server.adb.AdbGateway} is the
 * port; {@link dev.towerline.server.adb.SocketAdbClient} speaks the ADB host protocol with a
 * time-out on every socket; {@link dev.towerline.server.adb.ResilientAdbGateway} adds time limits,
 * retries and per-device circuit breakers and reports link health ({@link
 * dev.towerline.server.adb.AdbLinkMonitor}); {@link dev.towerline.server.adb.AdbHealthProbe}
 * answers {@code /health/full}. Failures are {@link dev.towerline.server.adb.AdbException}
 * subclasses whose messages are safe to show to operators. Configuration: {@link
 * dev.towerline.server.adb.AdbConfig}.
 *
 * <p>Non-null unless a method or parameter says otherwise. No HTTP types here.
 */
package dev.towerline.server.adb;
