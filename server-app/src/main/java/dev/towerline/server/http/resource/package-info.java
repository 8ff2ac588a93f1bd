/**
 * Resource classes implementing the JAX-RS interfaces generated from {@code openapi.yaml}. They
 * translate HTTP to a domain call and back and nothing else. Non-null unless a
 * method says otherwise (query parameters the client omits arrive as {@code null}).
 */
package dev.towerline.server.http.resource;
