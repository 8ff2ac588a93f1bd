/**
 * Server configuration: one immutable {@link dev.towerline.server.config.ServerConfig}, read from
 * environment variables in one place, with documented defaults. Nothing here is nullable.
 */
package dev.towerline.server.config;
