/**
 * What people open in a browser, served by the server itself from its class path: the docs site
 * at {@code /docs/} (built by the docs module, with Swagger UI from its WebJar) and the live
 * dashboard at {@code /dashboard/} ({@code /} redirects there). Static files only; the pages use
 * the public REST API and feeds like any other client.
 *
 * <p>Non-null is the default for parameters and return values in this package.
 */
package dev.towerline.server.site;
