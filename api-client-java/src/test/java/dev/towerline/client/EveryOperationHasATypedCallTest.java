package dev.towerline.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.protocol.DeviceState;
import dev.towerline.protocol.ExecutionStatus;
import dev.towerline.protocol.Feed;
import dev.towerline.spec.ContractDocuments;
import java.io.IOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * AC-439: every operation of the bundled openapi.yaml has a typed call in {@link TowerlineClient}.
 * A new operation in the spec without a row in {@link #CALLS} fails the build; each row is made
 * against the FaultServer answering the operation's own 2xx example, and must send the operation's
 * method, path and declared query parameters under its {@code operationId}.
 */
class EveryOperationHasATypedCallTest {

  private static final OffsetDateTime T = OffsetDateTime.parse("2026-11-22T10:00:00Z");

  /** operationId → the SDK call that makes it, with every optional parameter the call can send. */
  @SuppressWarnings("deprecation")
  private static final Map<String, Consumer<TowerlineClient>> CALLS = Map.ofEntries(
      Map.entry("listDevices", c -> c.listDevices(DeviceQuery.all().withPageSize(5).withPageToken("tok")
          .withState(DeviceState.ONLINE).withModel("Pixel 7").withLabel("rack-a").withText("pixel").withSort("serial"))),
      Map.entry("getDevice", c -> c.getDevice("emulator-5554")),
      Map.entry("createExecution", c -> c.createExecution(NewExecution.of("emulator-5554", "getprop").withTimeoutSeconds(60))),
      Map.entry("listExecutions", c -> c.listExecutions(ExecutionQuery.all().withPageSize(5).withPageToken("tok")
          .withStatus(ExecutionStatus.QUEUED).withDeviceSerial("emulator-5554").withCreatedAfter(T)
          .withCreatedBefore(T.plusDays(1)).withSort("-created_at"))),
      Map.entry("getExecution", c -> c.getExecution("ex_01JD4Z8Q2M7W")),
      Map.entry("cancelExecution", c -> c.cancelExecution("ex_01JD4Z8Q2M7W")),
      Map.entry("getExecutionOutput", c -> c.getExecutionOutput("ex_01JD4Z8Q2M7W", 5)),
      Map.entry("listEvents", c -> c.listEvents(Feed.DEVICES, 7, "tok")),
      Map.entry("createFeedTicket", TowerlineClient::createFeedTicket),
      Map.entry("listAuditEntries", c -> c.listAuditEntries(AuditQuery.all().withPageSize(5).withPageToken("tok")
          .withActor("ci-runner").withOperation("createExecution").withSince(T).withUntil(T.plusDays(1)))),
      Map.entry("getLiveness", TowerlineClient::health),
      Map.entry("getReadiness", TowerlineClient::readiness),
      Map.entry("getFullHealth", TowerlineClient::fullHealth),
      Map.entry("getMetrics", TowerlineClient::metrics),
      Map.entry("getLegacyStatus", TowerlineClient::legacyStatus),
      Map.entry("getOpenApiDocument", TowerlineClient::openApiDocument),
      Map.entry("getAsyncApiDocument", TowerlineClient::asyncApiDocument),
      Map.entry("getSchemaFile", c -> c.schemaDocument("device.json")));

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

  private final JsonNode openApi = ContractDocuments.bundled().openApi();

  /** One operation of the spec, with the example of its first success response. */
  record Operation(String id, String method, String pathTemplate, Set<String> queryParameters, int status,
      String mediaType, JsonNode example) {}

  @Test
  void everyOperationInTheSpecHasATypedCallAndEveryCallAnOperation() {
    Set<String> inSpec = operations().stream().map(Operation::id).collect(Collectors.toCollection(TreeSet::new));

    assertThat(new TreeSet<>(CALLS.keySet()))
        .as("operations of openapi.yaml without a typed call in TowerlineClient (add the call, then its row in CALLS),"
            + " or rows for operations the spec no longer has")
        .isEqualTo(inSpec);
  }

  @Test
  void eachCallSendsItsOperationsMethodPathAndDeclaredParametersUnderItsOperationId() throws IOException {
    List<String> mismatches = new ArrayList<>();
    for (Operation operation : operations()) {
      Consumer<TowerlineClient> call = CALLS.get(operation.id());
      if (call != null) {
        mismatches.addAll(check(operation, call));
      }
    }
    assertThat(mismatches).isEmpty();
  }

  private List<String> check(Operation operation, Consumer<TowerlineClient> call) throws IOException {
    List<String> operationsSent = new CopyOnWriteArrayList<>();
    TowerlineListener listener = new TowerlineListener() {
      @Override
      public void requestSent(String sent, int attempt) {
        operationsSent.add(sent);
      }
    };
    List<String> mismatches = new ArrayList<>();
    try (FaultServer server = new FaultServer();
        TowerlineClient client = TowerlineClient.builder().baseUrl(server.baseUrl()).listener(listener)
            .retryPolicy(RetryPolicy.custom().maxAttempts(1).build()).build()) {
      server.enqueue(exampleAnswer(operation));
      try {
        call.accept(client);
      } catch (RuntimeException e) {
        mismatches.add(operation.id() + ": failed on its own example: " + e);
      }
      if (server.requests().size() != 1) {
        return List.of(operation.id() + ": sent " + server.requests().size() + " requests, not 1");
      }
      FaultServer.Recorded request = server.requests().get(0);
      URI target = URI.create(request.target());
      String sent = request.method() + " " + target.getRawPath();
      if (!request.method().equalsIgnoreCase(operation.method()) || !template(operation.pathTemplate()).matcher(target.getRawPath()).matches()) {
        mismatches.add(operation.id() + ": sent " + sent + ", the spec says " + operation.method() + " " + operation.pathTemplate());
      }
      Set<String> undeclared = new TreeSet<>(queryNames(target));
      undeclared.removeAll(operation.queryParameters());
      if (!undeclared.isEmpty()) {
        mismatches.add(operation.id() + ": sent query parameters the spec does not declare: " + undeclared);
      }
      if (!operation.mediaType().equals(request.header("accept"))) {
        mismatches.add(operation.id() + ": asked for " + request.header("accept") + ", answers " + operation.mediaType());
      }
      if (!operationsSent.equals(List.of(operation.id()))) {
        mismatches.add(operation.id() + ": the SDK named the call " + operationsSent);
      }
      server.contractProblems().forEach(problem -> mismatches.add(operation.id() + ": example answer off contract: " + problem));
    }
    return mismatches;
  }

  private List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    openApi.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
      if (METHODS.contains(entry.getKey())) {
        operations.add(operation(path.getKey(), path.getValue(), entry.getKey(), entry.getValue()));
      }
    }));
    return operations;
  }

  private Operation operation(String pathTemplate, JsonNode pathItem, String method, JsonNode node) {
    Set<String> query = new TreeSet<>();
    for (JsonNode parameters : List.of(pathItem.path("parameters"), node.path("parameters"))) {
      parameters.forEach(parameter -> {
        JsonNode resolved = resolve(parameter);
        if ("query".equals(resolved.path("in").asText())) {
          query.add(resolved.path("name").asText());
        }
      });
    }
    Iterator<Map.Entry<String, JsonNode>> responses = node.path("responses").fields();
    while (responses.hasNext()) {
      Map.Entry<String, JsonNode> response = responses.next();
      if (response.getKey().startsWith("2")) {
        Map.Entry<String, JsonNode> content = resolve(response.getValue()).path("content").fields().next();
        return new Operation(node.path("operationId").asText(), method.toUpperCase(java.util.Locale.ROOT), pathTemplate,
            query, Integer.parseInt(response.getKey()), content.getKey(), content.getValue().path("example"));
      }
    }
    throw new AssertionError(method + " " + pathTemplate + " has no 2xx response");
  }

  private JsonNode resolve(JsonNode node) {
    String ref = node.path("$ref").asText("");
    if (!ref.startsWith("#/")) {
      return node;
    }
    JsonNode target = openApi;
    for (String part : ref.substring(2).split("/")) {
      target = target.path(part.replace("~1", "/").replace("~0", "~"));
    }
    return resolve(target);
  }

  private static FaultServer.Respond exampleAnswer(Operation operation) {
    assertThat(operation.example().isMissingNode()).as(operation.id() + " has an example of its " + operation.status()).isFalse();
    String body = operation.example().isTextual() ? operation.example().textValue() : operation.example().toString();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", operation.mediaType());
    headers.put("X-Request-Id", FaultServer.REQUEST_ID);
    return new FaultServer.Respond(operation.status(), headers, body);
  }

  private static Pattern template(String pathTemplate) {
    return Pattern.compile(Arrays.stream(pathTemplate.split("(?=\\{)|(?<=\\})"))
        .map(part -> part.startsWith("{") ? "[^/]+" : Pattern.quote(part))
        .collect(Collectors.joining()));
  }

  private static Set<String> queryNames(URI target) {
    if (target.getRawQuery() == null) {
      return Set.of();
    }
    return Arrays.stream(target.getRawQuery().split("&")).map(pair -> pair.split("=", 2)[0]).collect(Collectors.toSet());
  }
}
