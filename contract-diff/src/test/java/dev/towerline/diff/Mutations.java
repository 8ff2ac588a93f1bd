package dev.towerline.diff;

import static dev.towerline.diff.ContractCopy.arr;
import static dev.towerline.diff.ContractCopy.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Small tree edits the mutation table is written in. */
final class Mutations {
  static final String OPENAPI = "openapi.yaml";
  static final String ASYNCAPI = "asyncapi.yaml";

  private Mutations() {}

  static ObjectNode op(ObjectNode root, String path, String method) {
    return obj(root, "/paths/" + path.replace("~", "~0").replace("/", "~1") + "/" + method);
  }

  static ObjectNode param(ObjectNode operation, String name) {
    for (JsonNode parameter : operation.withArray("parameters")) {
      if (parameter.path("name").asText().equals(name)) {
        return (ObjectNode) parameter;
      }
    }
    throw new IllegalArgumentException("no parameter " + name);
  }

  static ObjectNode schema(ObjectNode openapi, String component) {
    return obj(openapi, "/components/schemas/" + component);
  }

  static ObjectNode property(ObjectNode schema, String name) {
    return obj(schema, "/properties/" + name);
  }

  static JsonNode yaml(String text) {
    return ContractCopy.parse(text);
  }

  static void removeParam(ObjectNode operation, String name) {
    var parameters = operation.withArray("parameters");
    for (int i = 0; i < parameters.size(); i++) {
      if (parameters.get(i).path("name").asText().equals(name)) {
        parameters.remove(i);
        return;
      }
    }
    throw new IllegalArgumentException("no parameter " + name);
  }

  /** Renames a key, keeping its place among its siblings. */
  static void rename(ObjectNode object, String from, String to) {
    List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(object.properties());
    if (fields.stream().noneMatch(e -> e.getKey().equals(from))) {
      throw new IllegalArgumentException("no key " + from);
    }
    object.removeAll();
    for (Map.Entry<String, JsonNode> field : fields) {
      object.set(field.getKey().equals(from) ? to : field.getKey(), field.getValue());
    }
  }

  /** Writes the keys of every object in reverse order, recursively: the same contract, reordered. */
  static void reverseKeys(JsonNode node) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(object.properties());
      Collections.reverse(fields);
      object.removeAll();
      for (Map.Entry<String, JsonNode> field : fields) {
        reverseKeys(field.getValue());
        object.set(field.getKey(), field.getValue());
      }
    } else if (node.isArray()) {
      node.forEach(Mutations::reverseKeys);
    }
  }

  static ArrayNode messages(ObjectNode asyncapi, String operation) {
    return arr(asyncapi, "/operations/" + operation + "/messages");
  }
}
