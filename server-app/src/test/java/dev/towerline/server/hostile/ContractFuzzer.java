package dev.towerline.server.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Generates requests from {@code openapi.yaml}: for every operation a valid request built from the
 * spec's examples (and the values a test supplies, such as a real device serial), then one case per
 * variant of every parameter ({@link ParameterVariants}, {@link HeaderVariants}) and every body
 * field ({@link BodyFieldVariants}), plus what breaks a request as a whole: unknown query
 * parameters, unacceptable {@code Accept}, undeclared methods, missing and unknown body fields,
 * duplicate keys, deep nesting, bodies that are not JSON objects or not UTF-8, wrong media types
 * and oversized bodies.
 *
 * <p>Only a {@link Random} seeded with {@link #SEED_PROPERTY} (default {@value #DEFAULT_SEED})
 * decides the random parts, and cases come in document order, so a seed always gives the same
 * cases.
 */
final class ContractFuzzer {
  static final String SEED_PROPERTY = "towerline.fuzz.seed";
  static final long DEFAULT_SEED = 9;

  private static final List<String> METHODS = List.of("get", "put", "post", "patch", "delete");
  private static final int OVERSIZED_BODY_BYTES = 70_000;
  private static final int DEEP_NESTING = 1_001;

  private final SpecSchemas spec;
  private final long seed;
  private final Random random;
  private final Map<String, String> knownValues;
  private final List<FuzzCase> cases = new ArrayList<>();

  /** @param knownValues values that make a request valid, by parameter or body field name (e.g. {@code serial}) */
  ContractFuzzer(SpecSchemas spec, long seed, Map<String, String> knownValues) {
    this.spec = spec;
    this.seed = seed;
    this.random = new Random(seed);
    this.knownValues = knownValues;
  }

  static long seedFromSystemProperty() {
    return Long.getLong(SEED_PROPERTY, DEFAULT_SEED);
  }

  /** The cases of every operation, by operation id in document order. */
  Map<String, List<FuzzCase>> casesByOperation() {
    Map<String, List<FuzzCase>> byOperation = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> path : spec.openApi().path("paths").properties()) {
      boolean firstAtPath = true;
      for (String method : METHODS) {
        JsonNode operation = path.getValue().path(method);
        if (operation.isMissingNode()) {
          continue;
        }
        int before = cases.size();
        fuzz(path.getKey(), path.getValue(), method.toUpperCase(Locale.ROOT), operation, firstAtPath);
        firstAtPath = false;
        byOperation.put(operation.path("operationId").asText(), List.copyOf(cases.subList(before, cases.size())));
      }
    }
    return byOperation;
  }

  private void fuzz(String pathTemplate, JsonNode pathItem, String method, JsonNode operation, boolean firstAtPath) {
    BaseRequest base = BaseRequest.of(spec, pathTemplate, method, operation, knownValues);
    String id = operation.path("operationId").asText();
    add(id, "every parameter valid", base, base.target(), base.headers(), base.body(), Expect.ANY_DOCUMENTED);
    for (JsonNode declared : operation.path("parameters")) {
      JsonNode parameter = spec.resolve(declared);
      String name = parameter.path("name").asText();
      String in = parameter.path("in").asText();
      JsonNode schema = spec.resolve(parameter.path("schema"));
      if (in.equals("header")) {
        for (Variant v : HeaderVariants.of(schema, random)) {
          add(id, "header " + name + ": " + v.label(), base, base.target(), base.withHeader(name, v.value()), base.body(), v.expect());
        }
        continue;
      }
      for (Variant v : ParameterVariants.of(schema, in.equals("path"), random)) {
        String target = in.equals("path") ? base.targetWithPath(name, v.value()) : base.targetWithQuery(name, v.value());
        add(id, in + " " + name + ": " + v.label(), base, target, base.headers(), base.body(), v.expect());
      }
    }
    boolean declaresQuery = base.declaresQueryParameters();
    add(id, "unknown query parameter", base, base.targetWithQuery("zz_unknown", "1"), base.headers(), base.body(),
        declaresQuery ? Expect.REFUSED : Expect.ANY_DOCUMENTED);
    add(id, "Accept excludes every media type it produces", base, base.target(), base.withHeader("Accept", "image/png"), base.body(), Expect.REFUSED);
    if (firstAtPath) {
      String undeclared = METHODS.stream().filter(m -> !pathItem.has(m)).findFirst().orElseThrow().toUpperCase(Locale.ROOT);
      add(id, "undeclared method " + undeclared, base.withMethod(undeclared), base.target(), base.headers(), null, Expect.REFUSED);
    }
    if (base.bodySchema() != null) {
      fuzzBody(id, base);
    }
  }

  private void fuzzBody(String id, BaseRequest base) {
    JsonNode schema = base.bodySchema();
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      String field = property.getKey();
      for (Variant v : BodyFieldVariants.of(spec.resolve(property.getValue()), random)) {
        addBody(id, "body " + field + ": " + v.label(), base, JsonBodies.with(base.bodyFields(), field, v.value()), v.expect());
      }
    }
    for (JsonNode required : schema.path("required")) {
      addBody(id, "body without required " + required.asText(), base, JsonBodies.without(base.bodyFields(), required.asText()), Expect.REFUSED);
    }
    Map<String, String> fields = base.bodyFields();
    String anyField = fields.keySet().iterator().next();
    addBody(id, "body with an unknown field", base, JsonBodies.with(fields, "priority", "5"), Expect.REFUSED);
    addBody(id, "body with an unknown field nested " + DEEP_NESTING + " deep", base,
        JsonBodies.with(fields, "extra", "{\"a\":".repeat(DEEP_NESTING) + "1" + "}".repeat(DEEP_NESTING)), Expect.REFUSED);
    addBody(id, "body with a duplicate key " + anyField, base, JsonBodies.withDuplicate(fields, anyField), Expect.REFUSED);
    String valid = JsonBodies.object(fields);
    Map<String, String> wholeBodies = new LinkedHashMap<>();
    wholeBodies.put("empty body", "");
    wholeBodies.put("JSON null", "null");
    wholeBodies.put("JSON array", "[" + valid + "]");
    wholeBodies.put("JSON string", "\"text\"");
    wholeBodies.put("JSON number", "42");
    wholeBodies.put("empty object", "{}");
    wholeBodies.put("truncated JSON", valid.substring(0, valid.length() / 2));
    wholeBodies.put("trailing garbage", valid + " x");
    wholeBodies.put("two JSON documents", valid + valid);
    wholeBodies.put("comment before the object", "/* c */" + valid);
    wholeBodies.put("single-quoted keys", valid.replace('"', '\''));
    wholeBodies.put("NaN value", JsonBodies.object(withValue(fields, "NaN")));
    wholeBodies.put("arrays nested " + DEEP_NESTING + " deep", "[".repeat(DEEP_NESTING) + "]".repeat(DEEP_NESTING));
    wholeBodies.put("random text", RandomText.next(random, 60));
    wholeBodies.forEach((label, body) -> addBody(id, label, base, body, Expect.REFUSED));
    byte[] withCesuSurrogate = concat(valid.substring(0, valid.length() - 2).getBytes(StandardCharsets.UTF_8),
        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'});
    add(id, "body with a lone surrogate as CESU-8 bytes (invalid UTF-8)", base, base.target(), base.headers(), withCesuSurrogate, Expect.REFUSED);
    for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
      add(id, "Content-Type " + type, base, base.target(), base.withHeader("Content-Type", type), bytes(valid), Expect.REFUSED);
    }
    Map<String, String> noType = new LinkedHashMap<>(base.headers());
    noType.remove("Content-Type");
    add(id, "no Content-Type", base, base.target(), noType, bytes(valid), Expect.REFUSED);
    add(id, "body of " + OVERSIZED_BODY_BYTES + " bytes", base, base.target(), base.headers(),
        bytes(JsonBodies.with(fields, anyField, BodyFieldVariants.token("x".repeat(OVERSIZED_BODY_BYTES)))), Expect.REFUSED);
  }

  /** The fields with the first one's value replaced by a raw token. */
  private static Map<String, String> withValue(Map<String, String> fields, String token) {
    Map<String, String> changed = new LinkedHashMap<>(fields);
    Iterator<String> names = changed.keySet().iterator();
    changed.put(names.next(), token);
    return changed;
  }

  private void addBody(String id, String varied, BaseRequest base, String body, Expect expect) {
    add(id, varied, base, base.target(), base.headers(), bytes(body), expect);
  }

  private void add(String id, String varied, BaseRequest base, String target, Map<String, String> headers, byte[] body, Expect expect) {
    cases.add(new FuzzCase(cases.size() + 1, seed, id, varied, base.method(), target, headers, body, expect));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
