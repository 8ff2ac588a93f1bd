/**
 * The REST layer: the Jersey application, the request id filter, the filter that checks each
 * request against its operation in openapi.yaml, the Jackson resolver and the converters that read
 * contract types from query strings. Resources live in {@code
 * http.resource}, exception mappers in {@code http.error}, Grizzly plumbing in {@code
 * http.grizzly}. Non-null unless a method says otherwise.
 */
package dev.towerline.server.http;
