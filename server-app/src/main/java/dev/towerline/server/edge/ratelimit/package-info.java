/**
 * Rate limits: token buckets (Bucket4j) per token, per client address for anonymous callers, per
 * address for WebSocket connection attempts and per connection for client frames; quotas per role
 * from the environment, time from an injectable clock.
 */
package dev.towerline.server.edge.ratelimit;
