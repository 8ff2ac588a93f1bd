package dev.towerline.testkit.internal;

import java.util.List;
import java.util.Map;

/**
 * One documented response of an operation.
 *
 * @param status the key in {@code responses}: {@code 200}, {@code 4XX} or {@code default}
 * @param content media type (lower case, no parameters) to its schema; the schema is null when
 *     the media type declares none
 */
record ResponseSpec(String status, Map<String, SchemaRef> content, List<HeaderSpec> headers) {}
