/**
 * Fast paths: Grizzly handlers in front of Jersey's container that answer a few hot read
 * operations themselves, with the same components Jersey's filters use (request ids, the access
 * log and its metric, CORS headers, deprecation headers), and hand every other request, and every
 * request of theirs that any other rule could concern, to Jersey unchanged. Non-null unless a
 * method says otherwise.
 */
package dev.towerline.server.http.fast;
