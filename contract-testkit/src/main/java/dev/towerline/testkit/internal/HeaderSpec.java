package dev.towerline.testkit.internal;

/**
 * A response header the contract declares: its schema, and the schema's {@code type}, which says
 * how the header's text is read (an {@code integer} header must hold digits).
 *
 * @param type the schema's {@code type}, or null when it has none
 */
record HeaderSpec(String name, boolean required, SchemaRef schema, String type) {}
