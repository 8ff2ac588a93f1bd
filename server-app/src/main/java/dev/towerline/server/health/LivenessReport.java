package dev.towerline.server.health;

import java.time.Duration;

/**
 * The process is alive: which contract version it serves and for how long it has run.
 *
 * @param apiVersion {@code info.version} of the contract
 * @param uptime time since start, never negative
 */
public record LivenessReport(String apiVersion, Duration uptime) {}
