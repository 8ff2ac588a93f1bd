/**
 * Errors the API reports to clients, in contract terms ({@link dev.towerline.protocol.ErrorCode})
 * and free of HTTP types, so domain code can throw them. Non-null unless a method says otherwise.
 */
package dev.towerline.server.error;
