package dev.towerline.client;

import java.time.Duration;

/**
 * The server's liveness ({@code GET /health}): it is up, which version, for how long.
 *
 * @param status "ok" while the server answers
 */
public record Health(String status, String version, Duration uptime) {}
