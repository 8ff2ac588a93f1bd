/**
 * The renderers behind the docs site: HTML escaping, Markdown (commonmark-java), the REST page
 * around Swagger UI, the WebSocket reference with its connection lifecycle diagram (from
 * asyncapi.yaml and the shared JSON Schemas), the error-code table, the guides and the landing page. Only {@link dev.towerline.docs.internal.SiteGenerator} is used from outside.
 *
 * <p>Every string that comes from the contract or a guide is escaped before it reaches the page;
 * Markdown is the only way to get markup into a page. Non-null is the default; nullable things
 * are {@link java.util.Optional} or say so.
 */
package dev.towerline.docs.internal;
