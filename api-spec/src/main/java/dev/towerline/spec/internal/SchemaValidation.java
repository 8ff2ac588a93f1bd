package dev.towerline.spec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates instances against schemas loaded by URI and JSON pointer, so relative {@code $ref}s to
 * the shared files resolve as they do for every other tool. Schemas inside openapi.yaml use the
 * OpenAPI 3.0 dialect, and so do the shared files, which declare none (MetaSchemaRules keeps them
 * valid draft-07 as well).
 */
public final class SchemaValidation {
  private final JsonSchemaFactory factory =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V4,
          builder ->
              builder
                  .metaSchema(OpenApi30.getInstance())
                  .defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));
  private final SchemaValidatorsConfig config =
      SchemaValidatorsConfig.builder()
          .formatAssertionsEnabled(true)
          .pathType(PathType.JSON_POINTER)
          .build();

  /** Messages of the form {@code /data/0/state: does not have a value in the enumeration [...]}. */
  public List<String> validate(URI schema, JsonNode instance) {
    Set<ValidationMessage> messages;
    try {
      JsonSchema compiled = factory.getSchema(SchemaLocation.of(schema.toString()), config);
      messages = compiled.validate(instance);
    } catch (RuntimeException e) {
      return List.of("(root): the schema at " + schema + " cannot be used: " + e.getMessage());
    }
    return messages.stream()
        .map(m -> pointerOrRoot(m.getInstanceLocation().toString()) + ": " + stripLocation(m))
        .sorted()
        .collect(Collectors.toList());
  }

  private static String pointerOrRoot(String pointer) {
    return pointer.isEmpty() ? "(root)" : pointer;
  }

  private static String stripLocation(ValidationMessage message) {
    String text = message.getMessage();
    String location = message.getInstanceLocation().toString();
    return text.startsWith(location + ": ") ? text.substring(location.length() + 2) : text;
  }
}
