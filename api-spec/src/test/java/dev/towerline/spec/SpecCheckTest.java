package dev.towerline.spec;

import static dev.towerline.spec.ContractCopy.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecCheckTest {
  private static final String DEVICES = "/paths/~1api~1v1~1devices/get";
  private static final String DEVICE = "/paths/~1api~1v1~1devices~1{serial}/get";
  private static final String LEGACY = "/paths/~1api~1v1~1status/get";

  @TempDir Path temp;

  private static final String NO_MIGRATION_LINK =
      "deprecated operation getLegacyStatus must link its migration note in x-deprecation-link";

  @Test
  void acceptsTheShippedContract() {
    assertThat(SpecCheck.run(ContractDocuments.inDirectory(Path.of("")))).isEmpty();
  }

  @Test
  void acceptsTheContractBundledInTheJar() {
    assertThat(SpecCheck.run(ContractDocuments.bundled())).isEmpty();
  }

  @Test
  void reportsFileAndPointerForMissingOperationId() {
    List<Problem> problems =
        check(ContractCopy.of(temp).editOpenApi(root -> at(root, DEVICE).remove("operationId")));

    assertThat(problems).contains(new Problem("api-spec/openapi.yaml", DEVICE, "operation has no operationId"));
  }

  @Test
  void reportsExampleThatDoesNotMatchItsSchema() {
    List<Problem> problems =
        check(
            ContractCopy.of(temp)
                .editOpenApi(
                    root ->
                        at(root, DEVICE + "/responses/200/content/application~1json/example")
                            .put("state", "sideways")));

    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("api-spec/openapi.yaml");
              assertThat(p.pointer()).isEqualTo(DEVICE + "/responses/200/content/application~1json/example");
              assertThat(p.message()).startsWith("example does not match its schema: /state:");
            });
  }

  @Test
  void reportsErrorResponseWithoutEnvelope() {
    List<Problem> problems =
        check(
            ContractCopy.of(temp)
                .editOpenApi(
                    root ->
                        at(root, "/components/responses/DeviceNotFound/content/application~1json")
                            .putObject("schema")
                            .put("type", "string")));

    assertThat(problems)
        .anySatisfy(
            p -> {
              assertThat(p.pointer()).isEqualTo("/components/responses/DeviceNotFound");
              assertThat(p.message()).contains("response 404 must be application/json with schema $ref #/components/schemas/ErrorEnvelope");
            });
  }

  @Test
  void reportsErrorExampleWhoseCodeHasAnotherStatus() {
    List<Problem> problems =
        check(
            ContractCopy.of(temp)
                .editOpenApi(
                    root ->
                        at(root, "/components/responses/DeviceNotFound/content/application~1json/example/error")
                            .put("code", "DATABASE_UNAVAILABLE")));

    assertThat(problems)
        .anySatisfy(
            p -> {
              assertThat(p.pointer()).isEqualTo("/components/responses/DeviceNotFound/content/application~1json/example");
              assertThat(p.message()).contains("DATABASE_UNAVAILABLE is documented with HTTP status 503, not 404");
            });
  }

  @Test
  void reportsListOperationWithoutPagination() {
    List<Problem> problems =
        check(ContractCopy.of(temp).editOpenApi(root -> ((ArrayNode) root.at(DEVICES + "/parameters")).remove(1)));

    assertThat(problems)
        .contains(new Problem("api-spec/openapi.yaml", DEVICES, "list operation listDevices has no page_token parameter"));
  }

  @Test
  void reportsDeprecatedOperationWithoutSunset() {
    List<Problem> problems = check(ContractCopy.of(temp).editOpenApi(root -> at(root, LEGACY).remove("x-sunset")));

    assertThat(problems)
        .contains(new Problem("api-spec/openapi.yaml", LEGACY, "deprecated operation getLegacyStatus has no x-sunset date"));
  }

  @Test
  void acceptsTheMigrationLinkToTheGuideThisServerServes() {
    assertThat(check(ContractCopy.of(temp).editOpenApi(root -> at(root, LEGACY)
        .put("x-deprecation-link", "/docs/guides/migrate-legacy-status.html"))))
        .noneMatch(p -> p.message().equals(NO_MIGRATION_LINK));
  }

  @Test
  void reportsAMigrationLinkThatIsNeitherAbsoluteNorAPathOnTheServer() {
    assertThat(check(ContractCopy.of(temp).editOpenApi(root -> at(root, LEGACY)
        .put("x-deprecation-link", "docs/guides/migrate-legacy-status.html"))))
        .contains(new Problem("api-spec/openapi.yaml", LEGACY, NO_MIGRATION_LINK));
  }

  @Test
  void reportsInlineCopyOfSharedShape() {
    List<Problem> problems =
        check(
            ContractCopy.of(temp)
                .editOpenApi(
                    root -> {
                      ObjectNode copy = at(root, "/components/schemas").putObject("FeedCopy");
                      copy.put("type", "object");
                      copy.set("properties", root.at("/components/schemas/ListMetadata/properties").deepCopy());
                      ((ObjectNode) copy.get("properties")).removeAll();
                      ((ObjectNode) copy.get("properties")).putObject("breaker_state").put("type", "string");
                      ((ObjectNode) copy.get("properties")).putObject("consecutive_failures").put("type", "integer");
                      ((ObjectNode) copy.get("properties")).putObject("last_failure_at").put("type", "string");
                      ((ObjectNode) copy.get("properties")).putObject("retry_after_seconds").put("type", "integer");
                      ((ObjectNode) copy.get("properties")).putObject("last_error").put("type", "object");
                    }));

    assertThat(problems)
        .contains(
            new Problem(
                "api-spec/openapi.yaml",
                "/components/schemas/FeedCopy",
                "copies the shape of schemas/device-link.json; $ref that file instead"));
  }

  @Test
  void reportsInlineObjectSchemaInAnOperation() {
    String schema = DEVICE + "/responses/200/content/application~1json/schema";
    List<Problem> problems =
        check(
            ContractCopy.of(temp)
                .editOpenApi(
                    root -> {
                      ObjectNode inline = at(root, DEVICE + "/responses/200/content/application~1json").putObject("schema");
                      inline.put("type", "object");
                      inline.putObject("properties").putObject("serial").put("type", "string");
                    }));

    assertThat(problems)
        .contains(new Problem("api-spec/openapi.yaml", schema, "inline object schema; define it under components/schemas and $ref it"));
  }

  @Test
  void reportsSharedFileNotListedAsComponent() {
    List<Problem> problems = check(ContractCopy.of(temp).editOpenApi(root -> at(root, "/components/schemas").remove("DeviceLink")));

    assertThat(problems)
        .anySatisfy(
            p -> {
              assertThat(p.pointer()).isEqualTo("/components/schemas");
              assertThat(p.message()).startsWith("schemas/device-link.json is used by openapi.yaml but not listed as components/schemas/DeviceLink");
            });
  }

  @Test
  void reportsReferenceThatDoesNotResolve() {
    List<Problem> problems =
        check(ContractCopy.of(temp).editOpenApi(root -> at(root, "/components/schemas/Device").put("$ref", "./schemas/devise.json")));

    assertThat(problems)
        .containsExactly(
            new Problem("api-spec/openapi.yaml", "/components/schemas/Device", "$ref './schemas/devise.json' does not resolve"));
  }

  @Test
  void reportsDocumentThatBreaksTheOpenApiFormat() {
    List<Problem> problems = check(ContractCopy.of(temp).editOpenApi(root -> at(root, "/info").remove("version")));

    assertThat(problems)
        .anySatisfy(
            p -> {
              assertThat(p.file()).isEqualTo("api-spec/openapi.yaml");
              assertThat(p.message()).startsWith("not valid OpenAPI 3.0:").contains("version");
            });
  }

  @Test
  void reportsDocumentThatBreaksTheAsyncApiFormat() {
    List<Problem> problems = check(ContractCopy.of(temp).editAsyncApi(root -> at(root, "/channels/devices").put("address", 42)));

    assertThat(problems)
        .anySatisfy(
            p -> {
              assertThat(p.file()).isEqualTo("api-spec/asyncapi.yaml");
              assertThat(p.message()).startsWith("not valid AsyncAPI 3.0.0:");
            });
  }

  @Test
  void reportsMessageExampleThatDoesNotMatchItsPayload() {
    String example = "/components/messages/deviceUpdated/examples/0/payload";
    List<Problem> problems = check(ContractCopy.of(temp).editAsyncApi(root -> at(root, example).remove("seq")));

    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("api-spec/asyncapi.yaml");
              assertThat(p.pointer()).isEqualTo(example);
              assertThat(p.message()).contains("seq");
            });
  }

  @Test
  void reportsMessageWhoseNameIsNotItsFrameType() {
    List<Problem> problems = check(ContractCopy.of(temp).editAsyncApi(root -> at(root, "/components/messages/ping").put("name", "heartbeat")));

    assertThat(problems)
        .contains(
            new Problem(
                "api-spec/schemas/ping.json", "", "payload must fix `type` to the message name 'heartbeat' (a one-value enum)"));
  }

  @Test
  void reportsEventFrameThatDoesNotRequireSeq() {
    List<Problem> problems =
        check(
            ContractCopy.of(temp)
                .editSchema(
                    "stats.json",
                    root -> {
                      ArrayNode required = (ArrayNode) root.get("required");
                      required.remove(1);
                    }));

    assertThat(problems).contains(new Problem("api-spec/schemas/stats.json", "", "event frame must require seq and ts"));
  }

  @Test
  void reportsErrorCodeWithoutDocumentedStatus() {
    List<Problem> problems =
        check(ContractCopy.of(temp).editSchema("error-code.json", root -> at(root, "/x-error-codes").remove("QUEUE_FULL")));

    assertThat(problems)
        .contains(
            new Problem(
                "api-spec/schemas/error-code.json",
                "/x-error-codes/QUEUE_FULL",
                "QUEUE_FULL needs http_status (400-599, or null) and meaning"));
  }

  @Test
  void reportsSchemaFileWithTypeArray() {
    List<Problem> problems =
        check(
            ContractCopy.of(temp)
                .editSchema(
                    "device.json",
                    root -> {
                      ArrayNode types = at(root, "/properties/model").putArray("type");
                      types.add("string").add("null");
                    }));

    assertThat(problems)
        .contains(
            new Problem(
                "api-spec/schemas/device.json",
                "/properties/model/type",
                "type arrays are not allowed; make the field optional instead"));
  }

  @Test
  void reportsSchemaFileThatDeclaresItsOwnDialect() {
    List<Problem> problems =
        check(
            ContractCopy.of(temp)
                .editSchema("device-link.json", root -> root.put("$schema", "http://json-schema.org/draft-07/schema#")));

    assertThat(problems)
        .containsExactly(
            new Problem(
                "api-spec/schemas/device-link.json",
                "/$schema",
                "no $schema: the referencing document fixes the dialect (OpenAPI 3.0 / AsyncAPI schema)"));
  }

  @Test
  void mainFailsTheBuildListingEveryProblem() {
    ContractCopy broken =
        ContractCopy.of(temp)
            .editOpenApi(
                root -> {
                  at(root, DEVICE).remove("operationId");
                  at(root, LEGACY).remove("x-sunset");
                });

    assertThatThrownBy(() -> SpecCheck.main(new String[] {broken.dir().toString(), VersionTieTest.PROJECT_VERSION}))
        .isInstanceOf(SpecViolationException.class)
        .hasMessageStartingWith("The contract breaks ")
        .hasMessageContaining("api-spec/openapi.yaml#" + DEVICE + ": operation has no operationId")
        .hasMessageContaining("api-spec/openapi.yaml#" + LEGACY + ": deprecated operation getLegacyStatus has no x-sunset date");
  }

  private static List<Problem> check(ContractCopy copy) {
    return SpecCheck.run(copy.documents());
  }
}
