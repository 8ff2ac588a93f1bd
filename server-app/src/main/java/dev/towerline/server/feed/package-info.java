/**
 * The real-time feeds over WebSocket ({@code /api/v1/ws/devices}, {@code executions}, {@code
 * dashboard}), as described in {@code asyncapi.yaml}: the persistent event log every event is
 * written to before it is sent, the endpoints (acknowledgement, snapshot or resume, live events,
 * heartbeat, backpressure) and the HTTP fallback's reading of the same log. Non-null unless a
 * method says otherwise.
 */
package dev.towerline.server.feed;
