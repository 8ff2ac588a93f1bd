package dev.towerline.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.towerline.spec.ContractDocuments;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A copy of the contract with {@code /api/v1/devices/count} added after {@code
 * /api/v1/devices/{serial}}: the literal path must win although the template comes first.
 */
class LiteralPathTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String COUNT_OPERATION =
      "get:\n"
          + "  operationId: countDevices\n"
          + "  responses:\n"
          + "    '200':\n"
          + "      description: How many.\n"
          + "      content:\n"
          + "        application/json:\n"
          + "          schema:\n"
          + "            type: object\n"
          + "            required: [count]\n"
          + "            properties:\n"
          + "              count: {type: integer}\n"
          + "            additionalProperties: false\n";

  @TempDir static Path dir;
  private static ContractValidator validator;

  @BeforeAll
  static void copyContractWithALiteralSibling() throws IOException {
    ContractDocuments bundled = ContractDocuments.bundled();
    Files.createDirectories(dir.resolve(ContractDocuments.SCHEMAS_DIR));
    copy(ContractDocuments.OPENAPI);
    copy(ContractDocuments.ASYNCAPI);
    for (String file : bundled.referencedSchemaFiles()) {
      copy(file);
    }
    Path openApi = dir.resolve(ContractDocuments.OPENAPI);
    ObjectNode spec = (ObjectNode) YAML.readTree(openApi.toFile());
    ((ObjectNode) spec.path("paths")).set("/api/v1/devices/count", YAML.readTree(COUNT_OPERATION));
    YAML.writeValue(openApi.toFile(), spec);
    validator = ContractValidator.forContract(ContractDocuments.inDirectory(dir));
  }

  @Test
  void matchesLiteralPathsBeforeTemplates() {
    assertThatCode(
            () -> validator.checkResponse("GET", "/api/v1/devices/count", 200, ContractValidatorTest.json(), "{\"count\":3}"))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () ->
                validator.checkResponse(
                    "GET", "/api/v1/devices/count", 200, ContractValidatorTest.json(), ContractValidatorTest.device("open")))
        .hasMessageStartingWith("countDevices (GET /api/v1/devices/count) answered 200 with a body that breaks #/paths/");
  }

  @Test
  void stillMatchesTheTemplateForOtherValues() {
    assertThatCode(
            () ->
                validator.checkResponse(
                    "GET", "/api/v1/devices/counter", 200, ContractValidatorTest.json(), ContractValidatorTest.device("open")))
        .doesNotThrowAnyException();
  }

  private static void copy(String file) throws IOException {
    try (InputStream in =
        LiteralPathTest.class.getClassLoader().getResourceAsStream(ContractDocuments.CLASSPATH_ROOT + file)) {
      Files.copy(in, dir.resolve(file));
    }
  }
}
