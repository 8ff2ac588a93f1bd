package dev.towerline.testkit.internal;

import java.net.URI;

/**
 * A schema of the contract: how messages name it (the {@code $ref} as written, e.g. {@code
 * #/components/schemas/Device}, or file and pointer of an inline schema) and the URI networknt
 * loads it from.
 */
record SchemaRef(String name, URI uri) {}
