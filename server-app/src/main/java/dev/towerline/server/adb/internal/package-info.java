/**
 * The ADB host protocol underneath {@link dev.towerline.server.adb.SocketAdbClient}: framing with
 * deadlines, reply and device-list parsing, shell service requests and stream readers, and UTF-8
 * chunk decoding. Not an API: types here may change without notice. Non-null unless a method says
 * otherwise.
 */
package dev.towerline.server.adb.internal;
