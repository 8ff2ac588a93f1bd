/**
 * Server configuration: one immutable {@link dev.towerline.server.config.ServerConfig}, read from
 * environment variables in one place, with documented defaults, and {@link
 * dev.towerline.server.config.TowerlineConfig}, the configuration of every part. Nothing here is
 * nullable.
 */
package dev.towerline.server.config;
