/**
 * How every configuration reads environment variables and refuses bad values in the same words.
 * Depends on nothing else of the server, so every package's configuration can use it.
 */
package dev.towerline.server.config.environment;
