/**
 * Cross-origin resource sharing from an allow-list: preflights answered before routing, actual
 * responses marked for allowed origins only.
 */
package dev.towerline.server.edge.cors;
