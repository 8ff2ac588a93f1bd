/**
 * Persistence: the connection pool (embedded H2 by default, PostgreSQL with {@code DATABASE_URL}),
 * its configuration and health check, the Flyway migrations and Hibernate session factory ({@link
 * dev.towerline.server.store.Persistence}, which waits for a database that is down at start), and
 * the Hibernate adapter of the executions port ({@link
 * dev.towerline.server.store.HibernateExecutionStore}). A database outage is answered fast with
 * DATABASE_UNAVAILABLE and heals by itself when the database returns. One server per database:
 * the {@link dev.towerline.server.store.ServerLock} (a PostgreSQL advisory lock, or the embedded H2
 * file's own lock) is taken at start and held for the server's life.
 */
package dev.towerline.server.store;
