/**
 * Server configuration: one immutable {@link dev.towerline.server.config.ServerConfig}, read from
 * environment variables in one place, with documented defaults. {@link
 * dev.towerline.server.config.EnvironmentVariables} and {@link
 * dev.towerline.server.config.ConfigChecks} read and check settings the same way for every
 * module's configuration. Nothing here is nullable.
 */
package dev.towerline.server.config;
