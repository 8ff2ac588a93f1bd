/**
 * Implementation of the SDK: the HTTP exchange, the retry loop, the envelope reader and the feed
 * subscription loop over the JDK WebSocket. Not a public API; may change in any release.
 */
package dev.towerline.client.internal;
