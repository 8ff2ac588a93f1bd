/**
 * What clients may send on a feed ({@code ping}, {@code pong}) and how anything else is answered:
 * an {@code error} frame, and after repeated abuse a 1008 close.
 */
package dev.towerline.server.feed.intake;
