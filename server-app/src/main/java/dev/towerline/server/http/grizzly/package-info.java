/**
 * Grizzly and Tyrus plumbing that lets one listener serve REST and WebSocket: the embedded Tyrus
 * container, the add-on that answers upgrades the server cannot honour (h2c, WebSocket where no
 * endpoint listens) over plain HTTP instead of hanging, and the guard of WebSocket handshakes. It
 * also keeps the transport from being stalled or made to answer 5xx by a client: requests reach
 * the application only once read whole, within a read deadline (408 after it); requests that
 * cannot be framed and Grizzly's own bare error answers become 400 envelopes.
 */
package dev.towerline.server.http.grizzly;
