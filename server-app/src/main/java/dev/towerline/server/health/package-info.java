/**
 * Liveness and readiness of the server, free of HTTP types; {@code /health/full} with the ADB and
 * database checks comes with those dependencies. Non-null unless a method says otherwise.
 */
package dev.towerline.server.health;
