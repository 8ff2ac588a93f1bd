/**
 * Grizzly and Tyrus plumbing that lets one listener serve REST and WebSocket: the embedded Tyrus
 * container, the add-on that answers upgrades the server cannot honour (h2c, WebSocket where no
 * endpoint listens) over plain HTTP instead of hanging, and the guard of WebSocket handshakes.
 */
package dev.towerline.server.http.grizzly;
