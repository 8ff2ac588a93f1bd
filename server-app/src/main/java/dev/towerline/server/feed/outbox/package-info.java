/**
 * Per-connection sending with backpressure: a bounded queue drained by one asynchronous send at
 * a time, so a slow consumer is disconnected instead of growing the server's memory or delaying
 * other clients.
 */
package dev.towerline.server.feed.outbox;
