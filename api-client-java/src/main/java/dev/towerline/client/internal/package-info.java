/**
 * Implementation of the SDK: the HTTP exchange, the retry loop and the envelope reader. Not a
 * public API; may change in any release.
 */
package dev.towerline.client.internal;
