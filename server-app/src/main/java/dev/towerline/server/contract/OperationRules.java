package dev.towerline.server.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What openapi.yaml lets one operation receive: its declared parameters and its request body, and
 * who may call it (its {@code security} and {@code x-towerline-role}).
 */
public final class OperationRules {
  private final String operationId;
  private final Map<String, Map<String, ParameterRule>> parametersByLocation = new LinkedHashMap<>();
  private final Map<String, List<ParameterRule>> declaredByLocation = new LinkedHashMap<>();
  private final BodyRule body;
  private final Access access;

  OperationRules(String operationId, List<ParameterRule> parameters, BodyRule body, Access access) {
    this.operationId = operationId;
    this.access = access;
    for (ParameterRule parameter : parameters) {
      parametersByLocation
          .computeIfAbsent(parameter.location(), l -> new LinkedHashMap<>())
          .put(key(parameter.location(), parameter.name()), parameter);
    }
    parametersByLocation.forEach((location, byName) -> declaredByLocation.put(location, List.copyOf(byName.values())));
    this.body = body;
  }

  public String operationId() {
    return operationId;
  }

  /** The parameters declared {@code in} this location ({@code query}, {@code path}, {@code header}). */
  public List<ParameterRule> parameters(String location) {
    return declaredByLocation.getOrDefault(location, List.of());
  }

  /** The declared parameter, header names compared without case. */
  public Optional<ParameterRule> parameter(String location, String name) {
    return Optional.ofNullable(parametersByLocation.getOrDefault(location, Map.of()).get(key(location, name)));
  }

  /** Who may call the operation, as its {@code security} and {@code x-towerline-role} say. */
  public Access access() {
    return access;
  }

  /** The request body, when the operation takes one. */
  public Optional<BodyRule> body() {
    return Optional.ofNullable(body);
  }

  /**
   * The spec's default of a parameter.
   *
   * @throws IllegalStateException when the spec declares no such parameter or no default for it
   */
  public JsonNode parameterDefault(String location, String name) {
    return parameter(location, name)
        .flatMap(ParameterRule::declaredDefault)
        .orElseThrow(() -> new IllegalStateException(operationId + " declares no default for " + location + " parameter " + name));
  }

  /**
   * The spec's default of a top-level body property.
   *
   * @throws IllegalStateException when the spec declares none
   */
  public JsonNode bodyDefault(String property) {
    return body()
        .flatMap(b -> b.propertyDefault(property))
        .orElseThrow(() -> new IllegalStateException(operationId + " declares no default for body property " + property));
  }

  private static String key(String location, String name) {
    return location.equals("header") ? name.toLowerCase(java.util.Locale.ROOT) : name;
  }

  /**
   * Who may call an operation.
   *
   * @param open whether its {@code security} is the empty list: anyone, without credentials
   * @param role its {@code x-towerline-role} ({@code viewer}, {@code operator}, {@code admin}); null
   *     when it declares none
   */
  public record Access(boolean open, String role) {
    static Access of(JsonNode operation) {
      JsonNode security = operation.get("security");
      boolean open = security != null && security.isArray() && security.isEmpty();
      return new Access(open, operation.path("x-towerline-role").textValue());
    }
  }
}
