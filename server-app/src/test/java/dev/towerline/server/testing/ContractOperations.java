package dev.towerline.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The operations of the bundled {@code openapi.yaml}, with requests built from its examples. */
public final class ContractOperations {

  private static final List<String> METHODS = List.of("get", "put", "post", "patch", "delete");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ContractOperations() {}

  /** One operation, ready to call: path params and required query params filled from examples. */
  public record Operation(String operationId, String method, String pathAndQuery, String jsonBody) {
    @Override
    public String toString() {
      return operationId + " (" + method + " " + pathAndQuery + ")";
    }
  }

  public static JsonNode openApi() {
    return read("towerline/contract/openapi.yaml");
  }

  public static JsonNode read(String resource) {
    try (InputStream in = ContractOperations.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the test classpath");
      }
      return YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<Operation> all() {
    JsonNode spec = openApi();
    List<Operation> operations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : spec.path("paths").properties()) {
      for (String method : METHODS) {
        JsonNode operation = path.getValue().path(method);
        if (!operation.isMissingNode()) {
          operations.add(toOperation(spec, path.getKey(), method, operation));
        }
      }
    }
    return operations;
  }

  private static Operation toOperation(JsonNode spec, String path, String method, JsonNode op) {
    String resolvedPath = path;
    StringBuilder query = new StringBuilder();
    for (JsonNode parameter : op.path("parameters")) {
      JsonNode p = resolve(spec, parameter);
      String example = p.has("example") ? p.path("example").asText() : "x";
      String name = p.path("name").asText();
      if (p.path("in").asText().equals("path")) {
        resolvedPath = resolvedPath.replace("{" + name + "}", encode(example));
      } else if (p.path("in").asText().equals("query") && p.path("required").asBoolean()) {
        query.append(query.length() == 0 ? '?' : '&').append(name).append('=').append(encode(example));
      }
    }
    JsonNode body = op.path("requestBody").path("content").path("application/json");
    String jsonBody = null;
    if (!op.path("requestBody").isMissingNode()) {
      jsonBody = body.has("example") ? body.path("example").toString() : "{}";
    }
    return new Operation(
        op.path("operationId").asText(),
        method.toUpperCase(Locale.ROOT),
        resolvedPath + query,
        jsonBody);
  }

  private static JsonNode resolve(JsonNode spec, JsonNode node) {
    String ref = node.path("$ref").asText("");
    return ref.startsWith("#/") ? spec.at(ref.substring(1)) : node;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
