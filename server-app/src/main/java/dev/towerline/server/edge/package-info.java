/**
 * The server's edge: what is checked about a request before the API looks at it. {@code host}
 * refuses requests whose {@code Host} names another server (DNS rebinding); {@code origin} refuses
 * feed handshakes from web pages the operator did not allow; {@code cors} answers browsers from an
 * allow-list; {@code ratelimit} keeps each caller within its role's quota. {@link
 * dev.towerline.server.edge.EdgeConfig} reads all of it from the environment. Non-null unless a
 * method says otherwise.
 */
package dev.towerline.server.edge;
