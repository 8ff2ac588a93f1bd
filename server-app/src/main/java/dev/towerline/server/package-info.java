/**
 * Towerline's server: {@link dev.towerline.server.Main} wires the parts by hand and starts a
 * {@link dev.towerline.server.TowerlineServer} serving REST and WebSocket on one port. Feature
 * packages: {@code config}, {@code contract}, {@code error}, {@code health}, {@code feed}, {@code
 * json}; the web layer is {@code http}. Non-null unless a method says otherwise.
 */
package dev.towerline.server;
