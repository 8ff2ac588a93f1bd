package dev.towerline.server.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import dev.towerline.server.text.UnicodeText;
import dev.towerline.spec.ContractDocuments;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What asyncapi.yaml lets a client send on a feed: the payload schema of each message of its
 * {@code receive} operations, compiled once from the shared schema files. A frame is checked
 * against the schema of its {@code type}, so a ping whose nonce the server could not echo in a
 * valid pong is refused instead of answered.
 */
public final class ClientFrameContract {
  private static final class Bundled {
    static final ClientFrameContract CONTRACT = read(ContractDocuments.bundled().asyncApi());
  }

  private final Map<String, JsonSchema> schemasByType;
  private final List<String> types;

  private ClientFrameContract(Map<String, JsonSchema> schemasByType) {
    this.schemasByType = Map.copyOf(schemasByType);
    this.types = List.copyOf(schemasByType.keySet());
  }

  /** The client frames of the contract bundled with the server. */
  public static ClientFrameContract bundled() {
    return Bundled.CONTRACT;
  }

  /**
   * @throws IllegalStateException when a client message's payload is not a shared schema file, or
   *     asyncapi.yaml declares no message a client may send
   */
  static ClientFrameContract read(JsonNode asyncApi) {
    JsonMetaSchema draft7 = QuietDialects.quiet(JsonMetaSchema.getV7());
    JsonSchemaFactory factory =
        JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V7, builder -> builder.metaSchema(draft7).defaultMetaSchemaIri(draft7.getIri()));
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
    Map<String, JsonSchema> schemas = new LinkedHashMap<>();
    for (JsonNode operation : asyncApi.path("operations")) {
      if (!"receive".equals(operation.path("action").asText())) {
        continue;
      }
      for (JsonNode reference : operation.path("messages")) {
        JsonNode message = resolve(asyncApi, reference);
        String payload = message.path("payload").path("$ref").asText();
        if (!payload.startsWith("./" + ContractDocuments.SCHEMAS_DIR)) {
          throw new IllegalStateException("client message payload is not a shared schema file: " + payload);
        }
        String type = message.path("name").asText();
        JsonSchema schema =
            factory.getSchema(
                SchemaLocation.of("classpath:" + ContractDocuments.CLASSPATH_ROOT + payload.substring(2)), config);
        schema.initializeValidators();
        schemas.put(type, schema);
      }
    }
    if (schemas.isEmpty()) {
      throw new IllegalStateException("asyncapi.yaml declares no message a client may send");
    }
    return new ClientFrameContract(schemas);
  }

  /** The frame types a client may send, in the order asyncapi.yaml declares them. */
  public List<String> types() {
    return types;
  }

  /** Every way {@code frame} breaks its type's schema, and text no encoder takes; empty when it conforms. */
  public List<Violation> check(JsonNode frame) {
    JsonSchema schema = schemasByType.get(frame.path("type").asText());
    List<Violation> violations = new ArrayList<>();
    if (schema != null) {
      violations.addAll(ViolationReasons.describe(schema.validate(frame), "frame"));
    }
    frame.fields().forEachRemaining(field -> {
      if (field.getValue().isTextual() && !UnicodeText.isValid(field.getValue().textValue())) {
        violations.add(new Violation(field.getKey(), UnicodeText.NOT_UNICODE));
      }
    });
    return violations;
  }

  /** Follows local {@code $ref}s (operation → channel message → component message). */
  private static JsonNode resolve(JsonNode document, JsonNode node) {
    for (int hops = 0; node.has("$ref") && hops < 8; hops++) {
      String ref = node.path("$ref").asText();
      if (!ref.startsWith("#")) {
        throw new IllegalStateException("asyncapi.yaml message reference cannot be followed: " + ref);
      }
      node = document.at(ref.substring(1));
    }
    return node;
  }
}
