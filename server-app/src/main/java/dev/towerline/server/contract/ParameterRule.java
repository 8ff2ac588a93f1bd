package dev.towerline.server.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.JsonSchema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A parameter as openapi.yaml declares it: where it travels, the JSON type its text stands for,
 * its compiled schema and its default. Remembers the last value it found valid: clients repeat the
 * same few values ({@code page_size=50}), and a schema check costs more than the rest of the filter.
 */
public final class ParameterRule {
  private final String name;
  private final String location;
  private final boolean required;
  private final String type;
  private final String format;
  private final JsonSchema schema;
  private final JsonNode defaultValue;
  /** Validity depends on the value alone, so a value seen valid stays valid. */
  private volatile String lastValid;

  /**
   * @param location {@code query}, {@code path} or {@code header}
   * @param type the schema's {@code type} ({@code string} when the schema names none)
   * @param format the schema's {@code format}, e.g. {@code int64}; null when it names none
   * @param schema null when the spec gives the parameter no schema
   */
  public ParameterRule(
      String name,
      String location,
      boolean required,
      String type,
      String format,
      JsonSchema schema,
      JsonNode defaultValue) {
    this.name = name;
    this.location = location;
    this.required = required;
    this.type = type;
    this.format = format;
    this.schema = schema;
    this.defaultValue = defaultValue;
  }

  public String name() {
    return name;
  }

  public String location() {
    return location;
  }

  public boolean required() {
    return required;
  }

  public String type() {
    return type;
  }

  public String format() {
    return format;
  }

  private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  /** The spec's {@code default}, if it declares one. */
  public Optional<JsonNode> declaredDefault() {
    return Optional.ofNullable(defaultValue).filter(d -> !d.isMissingNode() && !d.isNull());
  }

  /** What is wrong with {@code value}, the parameter's text as sent; empty when it is valid. */
  public List<Violation> check(String value) {
    if (value.equals(lastValid)) {
      return List.of();
    }
    List<Violation> violations = validate(value);
    if (violations.isEmpty()) {
      lastValid = value;
    }
    return violations;
  }

  private List<Violation> validate(String value) {
    JsonNode instance;
    switch (type) {
      case "integer":
        if (!INTEGER.matcher(value).matches()) {
          return List.of(new Violation(name, "must be an integer"));
        }
        instance = NODES.numberNode(new BigInteger(value));
        break;
      case "number":
        if (!NUMBER.matcher(value).matches()) {
          return List.of(new Violation(name, "must be a number"));
        }
        instance = NODES.numberNode(new BigDecimal(value));
        break;
      case "boolean":
        if (!value.equals("true") && !value.equals("false")) {
          return List.of(new Violation(name, "must be true or false"));
        }
        instance = NODES.booleanNode(Boolean.parseBoolean(value));
        break;
      default:
        instance = NODES.textNode(value);
    }
    List<Violation> violations = schema == null ? List.of() : ViolationReasons.describe(schema.validate(instance), name);
    if (violations.isEmpty() && instance.isBigInteger()) {
      return outOfFormatRange(instance.bigIntegerValue());
    }
    return violations;
  }

  /** An integer the schema allows but its {@code format} (int32, int64) cannot hold. */
  private List<Violation> outOfFormatRange(BigInteger value) {
    BigInteger max = "int32".equals(format) ? BigInteger.valueOf(Integer.MAX_VALUE) : BigInteger.valueOf(Long.MAX_VALUE);
    BigInteger min = "int32".equals(format) ? BigInteger.valueOf(Integer.MIN_VALUE) : BigInteger.valueOf(Long.MIN_VALUE);
    if (value.compareTo(max) > 0) {
      return List.of(new Violation(name, "must be ≤ " + max));
    }
    if (value.compareTo(min) < 0) {
      return List.of(new Violation(name, "must be ≥ " + min));
    }
    return List.of();
  }
}
