/**
 * Per-connection sending with backpressure: a bounded queue drained by one asynchronous send at
 * a time, so a slow consumer is disconnected instead of growing the server's memory or delaying
 * other clients; and the frame those queues hold, encoded once however many connections send it.
 */
package dev.towerline.server.feed.outbox;
