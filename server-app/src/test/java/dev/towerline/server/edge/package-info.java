/**
 * The edge on the real server and in its parts: Host and Origin checks, CORS and rate limits,
 * through raw sockets, curl and the JDK clients, with time on a clock the tests move.
 */
package dev.towerline.server.edge;
