package dev.towerline.server.health;

import java.time.Duration;

/** A check's outcome with how long it took (or how long the runner waited for it). */
public record CheckResult(String name, boolean passed, Duration duration, String message) {}
