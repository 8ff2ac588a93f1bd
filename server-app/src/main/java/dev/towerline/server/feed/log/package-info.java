/** The persistent, per-feed event log with monotonic seqs, shared by WebSocket resume and the HTTP fallback. */
package dev.towerline.server.feed.log;
