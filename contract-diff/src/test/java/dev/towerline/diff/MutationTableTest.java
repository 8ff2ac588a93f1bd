package dev.towerline.diff;

import static dev.towerline.diff.ContractCopy.arr;
import static dev.towerline.diff.ContractCopy.obj;
import static dev.towerline.diff.ContractCopy.remove;
import static dev.towerline.diff.ContractCopy.removeRef;
import static dev.towerline.diff.ContractCopy.removeText;
import static dev.towerline.diff.Mutations.ASYNCAPI;
import static dev.towerline.diff.Mutations.OPENAPI;
import static dev.towerline.diff.Mutations.messages;
import static dev.towerline.diff.Mutations.op;
import static dev.towerline.diff.Mutations.param;
import static dev.towerline.diff.Mutations.property;
import static dev.towerline.diff.Mutations.rename;
import static dev.towerline.diff.Mutations.reverseKeys;
import static dev.towerline.diff.Mutations.schema;
import static dev.towerline.diff.Mutations.yaml;
import static dev.towerline.diff.Severity.BREAKING;
import static dev.towerline.diff.Severity.COMPATIBLE;
import static dev.towerline.diff.Severity.INFORMATIONAL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The mutation table: each row mutates a copy of the shipped contract in one way (sometimes the
 * base too, to give it a shape the shipped one lacks) and states how the diff must classify it.
 * The candidate is always a new minor (1.2.0), so the exit code follows the classification alone.
 */
class MutationTableTest {
  static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
  static final Consumer<ContractCopy> UNCHANGED = c -> {};
  /** The unchanged base, parsed once for all rows. */
  static final Contract SHIPPED = Contract.folder(ContractCopy.SHIPPED, "api-spec");

  /** One row: what to change, the classification expected, and the rule id that must say so. */
  record Row(Consumer<ContractCopy> base, Consumer<ContractCopy> candidate, Severity expected, String rule, LocalDate today) {}

  static Arguments row(String name, Consumer<ContractCopy> candidate, Severity expected, String rule) {
    return Arguments.of(name, new Row(UNCHANGED, candidate, expected, rule, TODAY));
  }

  static Arguments row(String name, Consumer<ContractCopy> base, Consumer<ContractCopy> candidate, Severity expected,
      String rule) {
    return Arguments.of(name, new Row(base, candidate, expected, rule, TODAY));
  }

  static Arguments rowOn(LocalDate today, String name, Consumer<ContractCopy> base, Consumer<ContractCopy> candidate,
      Severity expected, String rule) {
    return Arguments.of(name, new Row(base, candidate, expected, rule, today));
  }

  static Consumer<ContractCopy> openapi(Consumer<ObjectNode> edit) {
    return c -> c.edit(OPENAPI, edit);
  }

  static Consumer<ContractCopy> asyncapi(Consumer<ObjectNode> edit) {
    return c -> c.edit(ASYNCAPI, edit);
  }

  static Consumer<ContractCopy> schemaFile(String file, Consumer<ObjectNode> edit) {
    return c -> c.edit("schemas/" + file, edit);
  }

  static Stream<Arguments> rows() {
    return Stream.of(openapiRows(), asyncapiRows(), noOpRows(), sunsetRows()).flatMap(s -> s);
  }

  static Stream<Arguments> openapiRows() {
    return Stream.of(
        row("REST operation removed", openapi(r -> remove(obj(r, "/paths"), "/api/v1/executions/{execution_id}/cancel")),
            BREAKING, "openapi.operation-removed"),
        row("REST operation added", openapi(r -> obj(r, "/paths").set("/api/v1/labels", yaml(
            "get: {operationId: listLabels, responses: {'200': {description: Labels, content: {application/json:"
                + " {schema: {type: array, items: {type: string}}}}}}}"))),
            COMPATIBLE, "openapi.operation-added"),
        row("REST path changed", openapi(r -> rename(obj(r, "/paths"), "/api/v1/devices/{serial}", "/api/v1/device/{serial}")),
            BREAKING, "openapi.path-changed"),
        row("response field removed in a $ref'd schema file", schemaFile("device.json", s -> remove(obj(s, "/properties"), "model")),
            BREAKING, "response.property-removed"),
        row("response field renamed", schemaFile("device.json", s -> rename(obj(s, "/properties"), "abi", "cpu_abi")),
            BREAKING, "response.property-removed"),
        row("optional response field added", schemaFile("device.json", s -> obj(s, "/properties").set("firmware", yaml("{type: string}"))),
            COMPATIBLE, "response.property-added"),
        row("required request field added", openapi(r -> {
              property(schema(r, "CreateExecutionRequest"), "command");
              obj(schema(r, "CreateExecutionRequest"), "/properties").set("priority", yaml("{type: integer}"));
              arr(schema(r, "CreateExecutionRequest"), "/required").add("priority");
            }), BREAKING, "request.required-property-added"),
        row("optional request field added", openapi(r ->
                obj(schema(r, "CreateExecutionRequest"), "/properties").set("priority", yaml("{type: integer}"))),
            COMPATIBLE, "request.property-added"),
        row("request field became required", openapi(r -> arr(schema(r, "CreateExecutionRequest"), "/required").add("timeout_seconds")),
            BREAKING, "request.property-became-required"),
        row("response field became optional", schemaFile("execution.json", s -> removeText(arr(s, "/required"), "status")),
            BREAKING, "response.property-became-optional"),
        row("type changed inside a $ref'd schema file", schemaFile("execution.json", s -> property(s, "exit_code").put("type", "string")),
            BREAKING, "response.type-changed"),
        row("type changed inside array items", schemaFile("device.json", s -> obj(s, "/properties/labels/items").put("type", "integer")),
            BREAKING, "response.type-changed"),
        row("type changed in a nested object", schemaFile("device-link.json", s -> property(s, "consecutive_failures").put("type", "string")),
            BREAKING, "response.type-changed"),
        row("request type widened (integer to number)", openapi(r ->
                property(schema(r, "CreateExecutionRequest"), "timeout_seconds").put("type", "number")),
            COMPATIBLE, "request.type-widened"),
        row("enum value removed from a request parameter", openapi(r ->
                removeText(arr(param(op(r, "/api/v1/devices", "get"), "sort"), "/schema/enum"), "-model")),
            BREAKING, "request.enum-value-removed"),
        row("enum value added to a request parameter", openapi(r ->
                arr(param(op(r, "/api/v1/devices", "get"), "sort"), "/schema/enum").add("battery_level")),
            COMPATIBLE, "request.enum-value-added"),
        row("enum value added to a response", schemaFile("device-state.json", s -> arr(s, "/enum").add("charging")),
            BREAKING, "response.enum-value-added"),
        row("enum value added to an x-extensible-enum response", schemaFile("error-code.json", s -> arr(s, "/enum").add("LAB_CLOSED")),
            COMPATIBLE, "response.enum-value-added"),
        row("enum value removed from a response", schemaFile("breaker-state.json", s -> removeText(arr(s, "/enum"), "half_open")),
            COMPATIBLE, "response.enum-value-removed"),
        row("maxLength narrowed on input", openapi(r -> property(schema(r, "CreateExecutionRequest"), "command").put("maxLength", 1024)),
            BREAKING, "request.max-length-narrowed"),
        row("maximum narrowed on a parameter", openapi(r -> obj(r, "/components/parameters/PageSize/schema").put("maximum", 100)),
            BREAKING, "request.maximum-narrowed"),
        row("minimum raised on a parameter", openapi(r -> obj(r, "/components/parameters/PageSize/schema").put("minimum", 10)),
            BREAKING, "request.minimum-narrowed"),
        row("maximum widened on a parameter", openapi(r -> obj(r, "/components/parameters/PageSize/schema").put("maximum", 1000)),
            COMPATIBLE, "request.maximum-widened"),
        row("pattern added on input", openapi(r -> obj(r, "/components/parameters/Serial/schema").put("pattern", "^[A-Za-z0-9._:-]+$")),
            BREAKING, "request.pattern-added"),
        row("maximum widened on a response field", schemaFile("device.json", s -> property(s, "battery_level").put("maximum", 200)),
            BREAKING, "response.maximum-widened"),
        row("success status removed", openapi(r -> remove(obj(op(r, "/api/v1/executions", "post"), "/responses"), "201")),
            BREAKING, "response.success-status-removed"),
        row("success status added", openapi(r -> obj(op(r, "/api/v1/executions/{execution_id}/cancel", "post"), "/responses")
                .set("202", yaml("{description: Cancelling, content: {application/json: {schema: {$ref: '#/components/schemas/Execution'}}}}"))),
            BREAKING, "response.success-status-added"),
        row("error status added", openapi(r -> obj(op(r, "/api/v1/devices/{serial}", "get"), "/responses")
                .set("409", yaml("{description: Too many, content: {application/json: {schema: {$ref: '#/components/schemas/ErrorEnvelope'}}}}"))),
            COMPATIBLE, "response.error-status-added"),
        row("response media type changed", openapi(r ->
                rename(obj(op(r, "/api/v1/devices/{serial}", "get"), "/responses/200/content"), "application/json", "application/vnd.towerline+json")),
            BREAKING, "response.media-type-removed"),
        row("request media type changed", openapi(r ->
                rename(obj(op(r, "/api/v1/executions", "post"), "/requestBody/content"), "application/json", "application/x-www-form-urlencoded")),
            BREAKING, "request.media-type-removed"),
        row("required parameter added", openapi(r -> op(r, "/api/v1/devices", "get").withArray("parameters")
                .add(yaml("{name: rack, in: query, required: true, schema: {type: string}}"))),
            BREAKING, "request.required-parameter-added"),
        row("optional parameter added", openapi(r -> op(r, "/api/v1/devices", "get").withArray("parameters")
                .add(yaml("{name: rack, in: query, schema: {type: string}}"))),
            COMPATIBLE, "request.parameter-added"),
        row("parameter removed", openapi(r -> Mutations.removeParam(op(r, "/api/v1/devices", "get"), "q")),
            BREAKING, "request.parameter-removed"),
        row("parameter became required", openapi(r -> param(op(r, "/api/v1/devices", "get"), "model").put("required", true)),
            BREAKING, "request.parameter-became-required"),
        row("response header removed", openapi(r -> remove(obj(op(r, "/api/v1/executions", "post"), "/responses/201/headers"), "Location")),
            BREAKING, "response.header-removed"),
        row("security requirement added (the anonymous alternative {} dropped)",
            openapi(r -> op(r, "/api/v1/devices", "get").set("security", yaml("[{bearerAuth: []}]"))),
            BREAKING, "security.requirement-added"),
        row("bearer auth with the anonymous alternative {}, roles and 401/403/421/429 (the 1.1.0 change)",
            openapi(MutationTableTest::withoutBearerAuth), openapi(r -> {}),
            COMPATIBLE, "security.optional-requirement-added"),
        row("oneOf alternative added to a response", openapi(r -> arr(schema(r, "FeedEvent"), "/oneOf").add(yaml("{$ref: './schemas/ping.json'}"))),
            BREAKING, "response.one-of-alternative-added"),
        row("oneOf alternative removed from a response", openapi(r -> removeRef(arr(schema(r, "FeedEvent"), "/oneOf"), "#/components/schemas/Stats")),
            COMPATIBLE, "response.one-of-alternative-removed"),
        row("type changed inside a oneOf alternative's file", schemaFile("stats.json", s -> property(s, "seq").put("type", "string")),
            BREAKING, "response.type-changed"),
        row("allOf member added to a response", openapi(MutationTableTest::wrapExecutionInAllOf),
            openapi(r -> {
              wrapExecutionInAllOf(r);
              arr(schema(r, "Execution"), "/allOf").add(yaml("{required: [exit_code]}"));
            }), COMPATIBLE, "response.all-of-member-added"),
        row("type changed inside an allOf member's file", openapi(MutationTableTest::wrapExecutionInAllOf),
            openapi(MutationTableTest::wrapExecutionInAllOf)
                .andThen(schemaFile("execution.json", s -> property(s, "exit_code").put("type", "string"))),
            BREAKING, "response.type-changed"),
        row("anyOf alternative added to a response", openapi(MutationTableTest::feedEventAsAnyOf),
            openapi(r -> {
              feedEventAsAnyOf(r);
              arr(schema(r, "FeedEvent"), "/anyOf").add(yaml("{$ref: './schemas/ping.json'}"));
            }), BREAKING, "response.any-of-alternative-added"),
        row("anyOf alternative removed from a request", openapi(MutationTableTest::timeoutAsAnyOf),
            openapi(r -> {
              timeoutAsAnyOf(r);
              arr(property(schema(r, "CreateExecutionRequest"), "timeout_seconds"), "/anyOf").remove(1);
            }), BREAKING, "request.any-of-alternative-removed"));
  }

  static Stream<Arguments> asyncapiRows() {
    return Stream.of(
        row("feed (channel) removed", asyncapi(r -> {
              remove(obj(r, "/channels"), "dashboard");
              remove(obj(r, "/operations"), "sendDashboardFrames");
              remove(obj(r, "/operations"), "receiveDashboardClientFrames");
            }), BREAKING, "asyncapi.channel-removed"),
        row("feed address changed", asyncapi(r -> obj(r, "/channels/devices").put("address", "/api/v1/ws/device")),
            BREAKING, "asyncapi.channel-address-changed"),
        row("feed added", asyncapi(r -> {
              obj(r, "/channels").set("audit", yaml("{address: /api/v1/ws/audit, messages: {ping: {$ref: '#/components/messages/ping'}}}"));
              obj(r, "/operations").set("sendAuditFrames", yaml(
                  "{action: send, channel: {$ref: '#/channels/audit'}, messages: [{$ref: '#/channels/audit/messages/ping'}]}"));
            }), COMPATIBLE, "asyncapi.channel-added"),
        row("server frame removed", asyncapi(r -> removeRef(messages(r, "sendDashboardFrames"), "#/channels/dashboard/messages/stats")),
            BREAKING, "asyncapi.server-frame-removed"),
        row("client frame removed", asyncapi(r -> removeRef(messages(r, "receiveDevicesClientFrames"), "#/channels/devices/messages/pong")),
            BREAKING, "asyncapi.client-frame-removed"),
        row("server frame added", asyncapi(r -> {
              obj(r, "/channels/devices/messages").set("stats", yaml("{$ref: '#/components/messages/stats'}"));
              messages(r, "sendDevicesFrames").add(yaml("{$ref: '#/channels/devices/messages/stats'}"));
            }), COMPATIBLE, "asyncapi.server-frame-added"),
        row("client frame added", asyncapi(r -> {
              obj(r, "/components/messages").set("subscribe", yaml(
                  "{name: subscribe, payload: {type: object, properties: {type: {type: string, enum: [subscribe]}}}}"));
              obj(r, "/channels/devices/messages").set("subscribe", yaml("{$ref: '#/components/messages/subscribe'}"));
              messages(r, "receiveDevicesClientFrames").add(yaml("{$ref: '#/channels/devices/messages/subscribe'}"));
            }), COMPATIBLE, "asyncapi.client-frame-added"),
        row("server frame field removed", schemaFile("connection-ack.json", s -> {
              remove(obj(s, "/properties"), "session_id");
              removeText(arr(s, "/required"), "session_id");
            }), BREAKING, "response.property-removed"),
        row("client frame field became required", schemaFile("pong.json", s -> arr(s, "/required").add("nonce")),
            BREAKING, "request.property-became-required"),
        row("required field added to a client frame", schemaFile("ping.json", s -> {
              obj(s, "/properties").set("client_id", yaml("{type: string}"));
              arr(s, "/required").add("client_id");
            }), BREAKING, "request.required-property-added"),
        row("type changed in a server frame's $ref'd file", schemaFile("resync-required.json", s -> property(s, "latest_seq").put("type", "string")),
            BREAKING, "response.type-changed"),
        row("enum value added to a server frame", schemaFile("resync-required.json", s -> arr(property(s, "reason"), "/enum").add("restarted")),
            BREAKING, "response.enum-value-added"),
        row("maxLength narrowed on a client frame", schemaFile("ping.json", s -> property(s, "nonce").put("maxLength", 16)),
            BREAKING, "request.max-length-narrowed"),
        row("handshake query narrowed", asyncapi(r -> obj(r, "/channels/devices/bindings/ws/query/properties/since").put("minimum", 1)),
            BREAKING, "request.minimum-narrowed"),
        row("frame content type changed", asyncapi(r -> obj(r, "/components/messages/pong").put("contentType", "text/plain")),
            BREAKING, "asyncapi.content-type-changed"),
        row("optional field added to a server frame", schemaFile("stats.json", s -> obj(s, "/properties").set("window_seconds", yaml("{type: integer}"))),
            COMPATIBLE, "response.property-added"),
        row("optional field added to a client frame", schemaFile("ping.json", s -> obj(s, "/properties").set("note", yaml("{type: string}"))),
            COMPATIBLE, "request.property-added"));
  }

  static Stream<Arguments> noOpRows() {
    return Stream.of(
        row("no-op: every key of both documents and a schema file reordered",
            openapi(Mutations::reverseKeys).andThen(asyncapi(Mutations::reverseKeys)).andThen(schemaFile("device.json", Mutations::reverseKeys)),
            null, null),
        row("no-op: schema file description changed", schemaFile("device.json", s -> s.put("description", "A phone or tablet.")),
            INFORMATIONAL, "schema.description-changed"),
        row("no-op: response example changed", openapi(r ->
                obj(op(r, "/api/v1/devices/{serial}", "get"), "/responses/200/content/application~1json/example").put("model", "Pixel 9")),
            INFORMATIONAL, "response.example-changed"),
        row("no-op: operation summary changed", openapi(r -> op(r, "/api/v1/devices", "get").put("summary", "Devices of the lab")),
            INFORMATIONAL, "openapi.operation.description-changed"),
        row("no-op: frame examples changed", asyncapi(r -> obj(r, "/components/messages/ping/examples/0/payload").put("nonce", "hb-9")),
            INFORMATIONAL, "asyncapi.message.example-changed"),
        row("no-op: frame payload description changed", schemaFile("ping.json", s -> s.put("description", "Heartbeat.")),
            INFORMATIONAL, "schema.description-changed"));
  }

  static Stream<Arguments> sunsetRows() {
    Consumer<ContractCopy> removeLegacy = openapi(r -> remove(obj(r, "/paths"), "/api/v1/status"));
    Consumer<ContractCopy> deprecateAbiUntil2026 = schemaFile("device.json", s -> property(s, "abi").put("deprecated", true).put("x-sunset", "2026-06-30"));
    Consumer<ContractCopy> deprecateAbiUntil2027 = schemaFile("device.json", s -> property(s, "abi").put("deprecated", true).put("x-sunset", "2027-01-31"));
    Consumer<ContractCopy> removeAbi = schemaFile("device.json", s -> remove(obj(s, "/properties"), "abi"));
    return Stream.of(
        rowOn(TODAY, "sunset: deprecated operation removed before its x-sunset", UNCHANGED, removeLegacy,
            BREAKING, "policy.removed-before-sunset"),
        rowOn(LocalDate.of(2027, 6, 30), "sunset: deprecated operation removed on its x-sunset day", UNCHANGED, removeLegacy,
            BREAKING, "policy.removed-before-sunset"),
        rowOn(LocalDate.of(2027, 7, 1), "sunset: deprecated operation removed after its x-sunset", UNCHANGED, removeLegacy,
            COMPATIBLE, "policy.removed-after-sunset"),
        rowOn(TODAY, "sunset: deprecated response field removed after its x-sunset", deprecateAbiUntil2026,
            deprecateAbiUntil2026.andThen(removeAbi), COMPATIBLE, "policy.removed-after-sunset"),
        rowOn(TODAY, "sunset: deprecated response field removed before its x-sunset", deprecateAbiUntil2027,
            deprecateAbiUntil2027.andThen(removeAbi), BREAKING, "policy.removed-before-sunset"));
  }

  /** The shipped contract as it was before it declared bearer auth: no scheme, no roles, no 401/403/421/429. */
  static void withoutBearerAuth(ObjectNode r) {
    obj(r, "/components").remove("securitySchemes");
    for (JsonNode item : r.get("paths")) {
      for (JsonNode operation : item) {
        ObjectNode o = (ObjectNode) operation;
        o.remove("security");
        o.remove("x-towerline-role");
        ObjectNode responses = (ObjectNode) o.get("responses");
        for (String status : new String[] {"401", "403", "421", "429"}) {
          if (responses.path(status).has("$ref")) {
            responses.remove(status);
          }
        }
      }
    }
  }

  static void wrapExecutionInAllOf(ObjectNode r) {
    obj(r, "/components/schemas").set("Execution", yaml("{allOf: [{$ref: './schemas/execution.json'}]}"));
  }

  static void feedEventAsAnyOf(ObjectNode r) {
    rename(schema(r, "FeedEvent"), "oneOf", "anyOf");
  }

  static void timeoutAsAnyOf(ObjectNode r) {
    ObjectNode timeout = property(schema(r, "CreateExecutionRequest"), "timeout_seconds");
    timeout.removeAll();
    timeout.set("anyOf", yaml("[{type: integer, minimum: 1}, {type: string, pattern: '^[0-9]+$'}]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void classifiesEachMutation(String name, Row row, @TempDir Path tmp) {
    Contract base = SHIPPED;
    if (row.base() != UNCHANGED) {
      ContractCopy copy = ContractCopy.of(tmp.resolve("base"));
      row.base().accept(copy);
      base = copy.contract();
    }
    ContractCopy candidate = ContractCopy.of(tmp.resolve("candidate"));
    row.candidate().accept(candidate);
    candidate.version("1.2.0");

    Clock clock = Clock.fixed(row.today().atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
    DiffReport report = new ContractDiff(clock).compare(base, candidate.contract());

    Severity worst = report.changes().stream().map(Change::severity).min(Comparator.naturalOrder()).orElse(null);
    System.out.printf("| %s | %s | %s | %s |%n", name, row.expected() == null ? "no change" : row.expected().label() + " `" + row.rule() + "`",
        worst == null ? "no change" : worst.label(), report.exitCode());
    if (row.expected() == null) {
      assertThat(report.changes()).as("a reordering changes nothing").isEmpty();
      assertThat(report.exitCode()).isZero();
      return;
    }
    assertThat(report.changes()).as(name).anySatisfy(change -> {
      assertThat(change.rule()).isEqualTo(row.rule());
      assertThat(change.severity()).isEqualTo(row.expected());
    });
    assertThat(worst).as("the most severe change of '%s' in %s", name, report.changes()).isEqualTo(row.expected());
    assertThat(report.exitCode()).isEqualTo(row.expected() == BREAKING ? 1 : 0);
  }
}
