/**
 * WebSocket framing rules the container does not enforce, checked on the raw bytes of upgraded
 * connections before Tyrus reads them: every client frame must be masked (RFC 6455 §5.1).
 */
package dev.towerline.server.feed.framing;
