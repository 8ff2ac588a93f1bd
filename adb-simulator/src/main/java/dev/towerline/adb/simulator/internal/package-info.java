/**
 * How the ADB simulator works inside: the listening server, one {@code Connection} per client
 * socket, the host-service and device-service dispatch, the device registry, fault state, and the
 * tiny shell interpreter. Nothing here is API: use {@link dev.towerline.adb.simulator}.
 *
 * <p>Non-null is the default; nullable returns say so in their Javadoc.
 */
package dev.towerline.adb.simulator.internal;
