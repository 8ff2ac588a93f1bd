/**
 * JSON settings shared by every part of the server, and the strict reader of request bodies
 * (one value, UTF-8, no duplicate keys, no lone surrogates).
 */
package dev.towerline.server.json;
