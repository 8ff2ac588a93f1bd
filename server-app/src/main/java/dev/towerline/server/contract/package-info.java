/**
 * The bundled contract (OpenAPI, AsyncAPI, shared JSON Schemas) as the server reads it: the
 * documents it publishes, the API version it reports, the HTTP status of each error code, and what
 * each operation may receive ({@code RequestContract}: parameters and bodies with their schemas
 * compiled once, their defaults, and the violations in the client's words). Nothing here depends
 * on HTTP libraries. Non-null unless a method says otherwise.
 */
package dev.towerline.server.contract;
