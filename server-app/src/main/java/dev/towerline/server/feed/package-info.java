/**
 * The real-time feeds over WebSocket ({@code /api/v1/ws/devices}, {@code executions}, {@code
 * dashboard}), as described in {@code asyncapi.yaml}. This build deploys the endpoints but does
 * not serve the feeds yet: each connection gets a {@code NOT_IMPLEMENTED} error frame and a 1011
 * close. Non-null unless a method says otherwise.
 */
package dev.towerline.server.feed;
