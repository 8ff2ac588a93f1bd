package dev.towerline.server.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.oas.OpenApi30;
import dev.towerline.spec.ContractDocuments;
import dev.towerline.spec.internal.CheckContext;
import dev.towerline.spec.internal.Located;
import dev.towerline.spec.internal.Operation;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What openapi.yaml lets each operation receive, read once at start-up: parameters and request
 * bodies with their schemas compiled as sub-schemas of the document at its classpath URI (so
 * {@code $ref}s inside it and into the shared files resolve as for every other tool). Requests are checked against these very schemas, and
 * defaults and bounds are never copied into code.
 */
public final class RequestContract {
  private static final String JSON = "application/json";

  private final Map<String, OperationRules> operations;

  private RequestContract(Map<String, OperationRules> operations) {
    this.operations = Collections.unmodifiableMap(operations);
  }

  /**
   * Reads and compiles every operation of {@code documents}.
   *
   * @throws IllegalStateException when a schema cannot be compiled
   */
  public static RequestContract read(ContractDocuments documents) {
    CheckContext ctx = CheckContext.of(documents);
    JsonMetaSchema openApi = QuietDialects.quiet(OpenApi30.getInstance());
    JsonSchemaFactory factory =
        JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V4,
            builder ->
                builder
                    .metaSchema(openApi)
                    .metaSchema(QuietDialects.quiet(JsonMetaSchema.getV7()))
                    .defaultMetaSchemaIri(openApi.getIri()));
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).pathType(PathType.JSON_POINTER).build();
    Compiler compiler = new Compiler(ctx, factory, config, new HashMap<>());
    Map<String, OperationRules> operations = new LinkedHashMap<>();
    for (Operation op : Operation.all(documents.openApi())) {
      if (op.operationId() != null) {
        operations.put(op.operationId(), compiler.operation(op));
      }
    }
    return new RequestContract(operations);
  }

  /** The rules of the operation with this {@code operationId}; empty for routes outside the contract. */
  public Optional<OperationRules> operation(String operationId) {
    return Optional.ofNullable(operations.get(operationId));
  }

  /**
   * The rules of an operation the server implements.
   *
   * @throws IllegalStateException when openapi.yaml has no such operation
   */
  public OperationRules require(String operationId) {
    return operation(operationId)
        .orElseThrow(() -> new IllegalStateException("openapi.yaml has no operation " + operationId));
  }

  private record Compiler(
      CheckContext ctx, JsonSchemaFactory factory, SchemaValidatorsConfig config, Map<String, JsonSchema> documentSchemas) {

    OperationRules operation(Operation op) {
      List<ParameterRule> parameters = new ArrayList<>();
      for (Located parameter : op.parameters(ctx.references())) {
        parameters.add(parameter(parameter));
      }
      return new OperationRules(
          op.operationId(), parameters, body(op).orElse(null), OperationRules.Access.of(op.node()));
    }

    private ParameterRule parameter(Located parameter) {
      JsonNode node = parameter.node();
      Located schema = parameter.child("schema");
      JsonNode resolved = resolve(schema).map(Located::node).orElse(null);
      return new ParameterRule(
          node.path("name").asText(),
          node.path("in").asText(),
          node.path("required").asBoolean(false),
          resolved == null ? "string" : resolved.path("type").asText("string"),
          resolved == null ? null : resolved.path("format").textValue(),
          schema.present() ? compile(schema) : null,
          resolved == null ? null : resolved.get("default"));
    }

    private Optional<BodyRule> body(Operation op) {
      Optional<Located> body = ctx.references().resolve(op.located().child("requestBody"));
      if (body.isEmpty()) {
        return Optional.empty();
      }
      Located schema = body.get().child("content", JSON, "schema");
      if (!schema.present()) {
        return Optional.empty();
      }
      JsonNode resolved = resolve(schema).map(Located::node).orElse(schema.node());
      return Optional.of(
          new BodyRule(body.get().node().path("required").asBoolean(false), compile(schema), resolved));
    }

    private Optional<Located> resolve(Located schema) {
      return ctx.references().resolve(schema);
    }

    private JsonSchema compile(Located schema) {
      JsonSchema compiled = documentSchemas.computeIfAbsent(schema.file(), this::documentSchema).getSubSchema(path(schema));
      // Resolve every $ref now: a broken contract fails at start-up, not on some request.
      compiled.initializeValidators();
      return compiled;
    }

    /**
     * The whole document as one schema, so each schema inside it is taken as a sub-schema: the
     * document is parsed once and {@code #/...} references resolve against it.
     */
    private JsonSchema documentSchema(String file) {
      URI uri = ctx.documents().uri(file);
      return factory.getSchema(SchemaLocation.of(uri.toString()), ctx.documents().read(file), config);
    }

    private JsonNodePath path(Located schema) {
      JsonNodePath path = new JsonNodePath(PathType.JSON_POINTER);
      JsonNode node = ctx.documents().read(schema.file());
      for (String token : schema.pointer().substring(1).split("/", -1)) {
        String name = token.replace("~1", "/").replace("~0", "~");
        if (node.isArray()) {
          path = path.append(Integer.parseInt(name));
          node = node.path(Integer.parseInt(name));
        } else {
          path = path.append(name);
          node = node.path(name);
        }
      }
      return path;
    }
  }
}
