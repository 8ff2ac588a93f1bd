package dev.towerline.server;

import static dev.towerline.server.testing.Envelopes.assertEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.RunningServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContractServingTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @RegisterExtension static final RunningServer server = new RunningServer();

  @Test
  void servesOpenApiDocumentWithResolvableSchemas() throws IOException {
    HttpResponse<String> openApi = assertServesBundledYaml("/api/v1/openapi.yaml", "openapi.yaml");
    HttpResponse<String> asyncApi =
        assertServesBundledYaml("/api/v1/asyncapi.yaml", "asyncapi.yaml");

    Set<URI> resolved = new LinkedHashSet<>();
    Deque<URI> pending = new ArrayDeque<>();
    Consumer<URI> enqueue = uri -> { if (resolved.add(uri)) pending.add(uri); };
    externalRefs(YAML.readTree(openApi.body()), server.uri("/api/v1/openapi.yaml"), enqueue);
    externalRefs(YAML.readTree(asyncApi.body()), server.uri("/api/v1/asyncapi.yaml"), enqueue);
    assertThat(resolved).as("relative $refs in the documents").isNotEmpty();

    while (!pending.isEmpty()) {
      URI schemaUri = pending.poll();
      HttpResponse<String> schema = server.send(server.request(schemaUri.getRawPath()).GET());

      assertThat(schema.statusCode()).as("GET %s", schemaUri).isEqualTo(200);
      assertThat(schema.headers().firstValue("Content-Type")).hasValue("application/schema+json");
      externalRefs(Envelopes.parse(schema.body()), schemaUri, enqueue);
    }
    assertThat(resolved)
        .extracting(URI::getPath)
        .contains(
            "/api/v1/schemas/device.json",
            "/api/v1/schemas/error-code.json",
            "/api/v1/schemas/error-frame.json");
  }

  @Test
  void unknownSchemaFileIsA404Envelope() {
    JsonNode error =
        assertEnvelope(server.get("/api/v1/schemas/no-such.json"), 404, ErrorCode.ROUTE_NOT_FOUND);

    assertThat(error.path("details").path("path").asText()).isEqualTo("/api/v1/schemas/no-such.json");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "..%2Fpom.xml",
        "..%2F..%2Fopenapi.yaml",
        "%2E%2E%2Fopenapi.yaml",
        "..%5Copenapi.yaml",
        "device.json%00.txt",
        "DEVICE.JSON",
        "..",
      })
  void pathTraversalAttemptLeaksNothing(String file) {
    HttpResponse<String> response = server.get("/api/v1/schemas/" + file);

    // Names that break the parameter's pattern are refused by the contract (400); others find no file (404).
    JsonNode error = Envelopes.parse(response.body()).path("error");
    if (response.statusCode() == 400) {
      assertEnvelope(response, 400, ErrorCode.INVALID_PARAMETER);
      assertThat(error.path("details").path("parameter").asText()).isEqualTo("file");
    } else {
      assertEnvelope(response, 404, ErrorCode.ROUTE_NOT_FOUND);
    }
    assertThat(response.body()).doesNotContain("openapi:", "<project", "$schema");
  }

  private static HttpResponse<String> assertServesBundledYaml(String path, String file)
      throws IOException {
    HttpResponse<String> response = server.get(path);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(
            type -> assertThat(type.replace(" ", "")).isEqualToIgnoringCase("application/yaml;charset=utf-8"));
    assertThat(response.body()).isEqualTo(bundled(file));
    return response;
  }

  private static String bundled(String file) throws IOException {
    try (InputStream in =
        ContractServingTest.class.getClassLoader().getResourceAsStream("towerline/contract/" + file)) {
      assertThat(in).as(file + " on the classpath").isNotNull();
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /** Every {@code $ref} that points outside its document, resolved against {@code base}. */
  private static void externalRefs(JsonNode node, URI base, Consumer<URI> found) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isTextual() && !ref.asText().startsWith("#")) {
        URI target = base.resolve(ref.asText());
        found.accept(URI.create(target.toString().replaceFirst("#.*$", "")));
      }
      node.elements().forEachRemaining(child -> externalRefs(child, base, found));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(child -> externalRefs(child, base, found));
    }
  }
}
