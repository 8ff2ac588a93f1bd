/**
 * Which web pages may open a feed: a WebSocket handshake's {@code Origin} is checked against the
 * allow-list and the request's own host; a handshake without {@code Origin} comes from a non-browser
 * client and is not an Origin question.
 */
package dev.towerline.server.edge.origin;
