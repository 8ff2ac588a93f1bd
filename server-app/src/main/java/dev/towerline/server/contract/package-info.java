/**
 * The bundled contract (OpenAPI, AsyncAPI, shared JSON Schemas) as the server reads it: the
 * documents it publishes, the API version it reports, and the HTTP status of each error code.
 * Nothing here depends on HTTP libraries. Non-null unless a method says otherwise.
 */
package dev.towerline.server.contract;
