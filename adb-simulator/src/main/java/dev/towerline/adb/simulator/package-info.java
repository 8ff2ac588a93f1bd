/**
 * A loopback ADB server for tests and demos: it speaks the real ADB host ("smart socket")
 * protocol, so Towerline's ADB client and the real {@code adb} command-line client can both talk
 * to it.
 *
 * <p>Start with {@link dev.towerline.adb.simulator.AdbSimulator#builder()} or {@link
 * dev.towerline.adb.simulator.AdbSimulator#demo(int)}; describe devices with {@link
 * dev.towerline.adb.simulator.VirtualDevice}; inject failures through {@link
 * dev.towerline.adb.simulator.Faults}; teach the device shell new commands with {@link
 * dev.towerline.adb.simulator.ShellCommand}.
 *
 * <p>Everything in this package is non-null unless documented otherwise. All types are
 * thread-safe: tests may change devices and faults while clients are connected.
 */
package dev.towerline.adb.simulator;
