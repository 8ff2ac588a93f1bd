package dev.towerline.server.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import java.util.List;
import java.util.Optional;

/**
 * An operation's JSON request body: whether it is required, its compiled schema and the resolved
 * schema node, read for the defaults of its properties.
 */
public record BodyRule(boolean required, JsonSchema schema, JsonNode schemaNode) {

  /** Every way {@code body} breaks the schema; empty when it conforms. */
  public List<Violation> check(JsonNode body) {
    return ViolationReasons.describe(schema.validate(body), "body");
  }

  /** The {@code default} the spec declares for a top-level property, if any. */
  public Optional<JsonNode> propertyDefault(String property) {
    JsonNode value = schemaNode.path("properties").path(property).path("default");
    return value.isMissingNode() || value.isNull() ? Optional.empty() : Optional.of(value);
  }
}
