package dev.towerline.spec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.spec.ContractDocuments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One operation of openapi.yaml: its path, method and node. */
public record Operation(String path, String method, Located located) {
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

  public static List<Operation> all(JsonNode openApi) {
    List<Operation> operations = new ArrayList<>();
    JsonNode paths = openApi.path("paths");
    for (Map.Entry<String, JsonNode> path : paths.properties()) {
      for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
        if (METHODS.contains(method.getKey())) {
          String pointer = Json.pointer("", "paths", path.getKey(), method.getKey());
          operations.add(
              new Operation(
                  path.getKey(),
                  method.getKey(),
                  new Located(ContractDocuments.OPENAPI, pointer, method.getValue())));
        }
      }
    }
    return operations;
  }

  public JsonNode node() {
    return located.node();
  }

  public String operationId() {
    return Json.text(node(), "operationId");
  }

  /** Name for messages: the operationId, or method and path when it has none. */
  public String label() {
    String id = operationId();
    return id != null ? id : method.toUpperCase() + " " + path;
  }

  /** Parameters of the operation, each resolved through {@code $ref}. */
  public List<Located> parameters(References references) {
    List<Located> result = new ArrayList<>();
    Located params = located.child("parameters");
    if (params.present()) {
      for (int i = 0; i < params.node().size(); i++) {
        references.resolve(params.element(i)).ifPresent(result::add);
      }
    }
    return result;
  }
}
