/**
 * Persistence: the connection pool (embedded H2 by default, PostgreSQL with {@code
 * DATABASE_URL}), its configuration and its health check. A database outage is answered fast
 * with DATABASE_UNAVAILABLE and heals by itself when the database returns.
 */
package dev.towerline.server.store;
