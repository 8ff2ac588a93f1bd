package dev.towerline.server.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The valid request of one operation, which each fuzz case changes in one place: path parameters
 * and required query parameters from the test's known values or the spec's examples, and the body
 * from the spec's example with known values put in.
 *
 * @param pathValues percent-encoded, by parameter name
 * @param query percent-encoded, by parameter name
 * @param bodySchema the resolved JSON body schema, or null when the operation takes no body
 * @param bodyFields raw JSON tokens by field name, in the example's order
 */
record BaseRequest(
    String method,
    String pathTemplate,
    Map<String, String> pathValues,
    Map<String, String> query,
    boolean declaresQueryParameters,
    Map<String, String> headers,
    JsonNode bodySchema,
    Map<String, String> bodyFields) {

  static BaseRequest of(SpecSchemas spec, String pathTemplate, String method, JsonNode operation, Map<String, String> known) {
    Map<String, String> pathValues = new LinkedHashMap<>();
    Map<String, String> query = new LinkedHashMap<>();
    boolean declaresQuery = false;
    for (JsonNode declared : operation.path("parameters")) {
      JsonNode parameter = spec.resolve(declared);
      String name = parameter.path("name").asText();
      String in = parameter.path("in").asText();
      String value = known.getOrDefault(name, parameter.path("example").asText("x"));
      declaresQuery |= in.equals("query");
      if (in.equals("path")) {
        pathValues.put(name, ParameterVariants.encode(value));
      } else if (in.equals("query") && parameter.path("required").asBoolean()) {
        query.put(name, ParameterVariants.encode(value));
      }
    }
    Map<String, String> headers = new LinkedHashMap<>();
    JsonNode media = operation.path("requestBody").path("content").path("application/json");
    JsonNode bodySchema = null;
    Map<String, String> bodyFields = new LinkedHashMap<>();
    if (!media.isMissingNode()) {
      headers.put("Content-Type", "application/json");
      bodySchema = spec.resolve(media.path("schema"));
      media.path("example").properties().forEach(field -> bodyFields.put(field.getKey(),
          known.containsKey(field.getKey()) ? BodyFieldVariants.token(known.get(field.getKey())) : field.getValue().toString()));
    }
    return new BaseRequest(method, pathTemplate, Map.copyOf(pathValues), query, declaresQuery, headers, bodySchema, bodyFields);
  }

  BaseRequest withMethod(String otherMethod) {
    return new BaseRequest(otherMethod, pathTemplate, pathValues, query, declaresQueryParameters, headers, bodySchema, bodyFields);
  }

  String target() {
    return target(pathValues, query);
  }

  String targetWithPath(String name, String encoded) {
    Map<String, String> changed = new LinkedHashMap<>(pathValues);
    changed.put(name, encoded);
    return target(changed, query);
  }

  String targetWithQuery(String name, String encoded) {
    Map<String, String> changed = new LinkedHashMap<>(query);
    changed.put(name, encoded);
    return target(pathValues, changed);
  }

  Map<String, String> withHeader(String name, String value) {
    Map<String, String> changed = new LinkedHashMap<>(headers);
    changed.put(name, value);
    return changed;
  }

  /** The valid body, or null when the operation takes none. */
  byte[] body() {
    return bodySchema == null ? null : JsonBodies.object(bodyFields).getBytes(StandardCharsets.UTF_8);
  }

  private String target(Map<String, String> path, Map<String, String> queryValues) {
    String target = pathTemplate;
    for (Map.Entry<String, String> value : path.entrySet()) {
      target = target.replace("{" + value.getKey() + "}", value.getValue());
    }
    StringBuilder withQuery = new StringBuilder(target);
    queryValues.forEach((name, value) -> withQuery.append(withQuery.indexOf("?") < 0 ? '?' : '&').append(name).append('=').append(value));
    return withQuery.toString();
  }
}
