/**
 * Grizzly and Tyrus plumbing that lets one listener serve REST and WebSocket: the embedded Tyrus
 * container and the add-on that keeps {@code Upgrade: h2c} requests from hanging.
 */
package dev.towerline.server.http.grizzly;
