/**
 * Which {@code Host} names the server answers to: loopback names, the address it is bound to and
 * {@code ALLOWED_HOSTS}. Anything else is refused 421 before it reaches the API or a feed.
 */
package dev.towerline.server.edge.host;
