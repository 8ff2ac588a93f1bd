package dev.towerline.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.Executions;
import dev.towerline.server.testing.RunningServer;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 11 item 6 against the real server: every write is in the audit log whatever its outcome,
 * with who, from where, the request id, the target, the outcome and the payload (secrets
 * redacted), and {@code GET /api/v1/audit} reads it back with filters and pages. Authentication and
 * rate limits are stood in for by {@link StandInAuthentication}.
 */
class AuditApiTest {

  @RegisterExtension
  static final RunningServer server = new RunningServer(rest -> rest.register(StandInAuthentication.class));

  private final Executions executions = new Executions(server);

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  private static HttpResponse<String> post(String path, String body, String requestId, String... headers) {
    HttpRequest.Builder request =
        server.request(path).header("Content-Type", "application/json").header("X-Request-Id", requestId);
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return server.send(request.POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
  }

  /** The audit entry of the request with this id, searched through the API newest first. */
  static Optional<JsonNode> entryOf(RunningServer server, String requestId) {
    String token = null;
    do {
      HttpResponse<String> page = server.get("/api/v1/audit?page_size=500" + (token == null ? "" : "&page_token=" + token));
      assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
      JsonNode body = Envelopes.parse(page.body());
      for (JsonNode entry : body.path("data")) {
        if (entry.path("request_id").asText().equals(requestId)) {
          return Optional.of(entry);
        }
      }
      token = body.path("metadata").path("next_page_token").textValue();
    } while (token != null);
    return Optional.empty();
  }

  private static JsonNode entryOf(String requestId) {
    return entryOf(server, requestId).orElseThrow(() -> new AssertionError("no audit entry for request " + requestId));
  }

  private static List<JsonNode> listed(String query) {
    HttpResponse<String> page = server.get("/api/v1/audit?" + query);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    List<JsonNode> entries = new ArrayList<>();
    Envelopes.parse(page.body()).path("data").forEach(entries::add);
    return entries;
  }

  @Test
  void recordsCreateAndCancelWithActorAddressRequestIdTargetOutcomeAndPayload() {
    String actor = unique("ci-runner");
    String serial = server.serial(0);
    String createId = unique("create");
    HttpResponse<String> created =
        post("/api/v1/executions", Executions.body(serial, "sleep 30", 60), createId, StandInAuthentication.ACTOR, actor + "/operator");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String executionId = Envelopes.parse(created.body()).path("id").asText();
    String cancelId = unique("cancel");
    HttpResponse<String> cancelled =
        post("/api/v1/executions/" + executionId + "/cancel", null, cancelId, StandInAuthentication.ACTOR, actor + "/operator");
    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);

    List<JsonNode> entries = listed("actor=" + actor);
    assertThat(entries).extracting(e -> e.path("request_id").asText()).as("newest first").containsExactly(cancelId, createId);
    JsonNode create = entries.get(1);
    assertThat(create.path("actor").asText()).isEqualTo(actor);
    assertThat(create.path("role").asText()).isEqualTo("operator");
    assertThat(create.path("client_address").asText()).isEqualTo("127.0.0.1");
    assertThat(create.path("operation").asText()).isEqualTo("createExecution");
    assertThat(create.path("target").path("execution_id").asText()).isEqualTo(executionId);
    assertThat(create.path("target").path("device_serial").asText()).isEqualTo(serial);
    assertThat(create.path("outcome")).isEqualTo(Envelopes.parse("{\"result\":\"succeeded\",\"status\":201}"));
    assertThat(create.path("payload")).isEqualTo(Envelopes.parse(Executions.body(serial, "sleep 30", 60)));
    JsonNode cancel = entries.get(0);
    assertThat(cancel.path("operation").asText()).isEqualTo("cancelExecution");
    assertThat(cancel.path("target").path("execution_id").asText()).isEqualTo(executionId);
    assertThat(cancel.path("outcome").path("status").asInt()).isEqualTo(200);
    assertThat(cancel.has("payload")).as("a cancel has no body").isFalse();
  }

  @Test
  void anonymousCallersOfATokenlessServerAreRecordedAsSuch() {
    String requestId = unique("anonymous");
    HttpResponse<String> created = post("/api/v1/executions", Executions.body(server.serial(1), "echo hi", 30), requestId);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

    JsonNode entry = entryOf(requestId);
    assertThat(entry.path("actor").asText()).isEqualTo("anonymous");
    assertThat(entry.path("role").asText()).isEqualTo("admin");
  }

  @Test
  void recordsRefusalsByAuthenticationAndRateLimitsBeforeTheResourceRuns() {
    String actor = unique("viewer");
    String body = Executions.body(server.serial(0), "echo refused", 30);
    String unauthenticated = unique("r401");
    Envelopes.assertEnvelope(post("/api/v1/executions", body, unauthenticated, StandInAuthentication.REFUSE, "401"), 401, ErrorCode.UNAUTHENTICATED);
    String forbidden = unique("r403");
    Envelopes.assertEnvelope(
        post("/api/v1/executions", body, forbidden, StandInAuthentication.ACTOR, actor + "/viewer", StandInAuthentication.REFUSE, "403"),
        403,
        ErrorCode.FORBIDDEN);
    String limited = unique("r429");
    Envelopes.assertEnvelope(
        post("/api/v1/executions/ex_any/cancel", null, limited, StandInAuthentication.ACTOR, actor + "/viewer", StandInAuthentication.REFUSE, "429"),
        429,
        ErrorCode.RATE_LIMITED);

    JsonNode first = entryOf(unauthenticated);
    assertThat(first.path("actor").asText()).isEqualTo("anonymous");
    assertThat(first.has("role")).as("nobody's role was used").isFalse();
    assertThat(first.path("outcome")).isEqualTo(Envelopes.parse("{\"result\":\"refused\",\"status\":401,\"error_code\":\"UNAUTHENTICATED\"}"));
    assertThat(first.path("payload").path("command").asText()).as("the command of a refused write").isEqualTo("echo refused");

    JsonNode second = entryOf(forbidden);
    assertThat(second.path("actor").asText()).isEqualTo(actor);
    assertThat(second.path("role").asText()).isEqualTo("viewer");
    assertThat(second.path("outcome").path("error_code").asText()).isEqualTo("FORBIDDEN");
    assertThat(second.path("target").path("device_serial").asText()).isEqualTo(server.serial(0));

    JsonNode third = entryOf(limited);
    assertThat(third.path("operation").asText()).isEqualTo("cancelExecution");
    assertThat(third.path("target").path("execution_id").asText()).isEqualTo("ex_any");
    assertThat(third.path("outcome").path("status").asInt()).isEqualTo(429);
  }

  @Test
  void recordsWritesTheServerRefusesAndNothingIsCreated() {
    List<String> before = executionIds(server);
    String invalid = unique("invalid");
    Envelopes.assertEnvelope(post("/api/v1/executions", "{\"device_serial\":\"x\",\"command\":\"\"}", invalid), 400, ErrorCode.VALIDATION_FAILED);
    String unknownDevice = unique("unknown-device");
    Envelopes.assertEnvelope(post("/api/v1/executions", Executions.body("no-such-device", "echo", 30), unknownDevice), 404, ErrorCode.DEVICE_NOT_FOUND);
    String unknownExecution = unique("unknown-execution");
    Envelopes.assertEnvelope(post("/api/v1/executions/ex_missing/cancel", null, unknownExecution), 404, ErrorCode.EXECUTION_NOT_FOUND);
    String malformed = unique("malformed");
    Envelopes.assertEnvelope(post("/api/v1/executions", "{\"command\": ", malformed), 400, ErrorCode.MALFORMED_JSON);
    String tooLarge = unique("too-large");
    Envelopes.assertEnvelope(
        post("/api/v1/executions", Executions.body(server.serial(0), "x".repeat(70_000), 30), tooLarge), 413, ErrorCode.PAYLOAD_TOO_LARGE);
    String denied = unique("denied");
    Envelopes.assertEnvelope(post("/api/v1/executions", Executions.body(server.serial(0), "rm -rf /", 30), denied), 422, ErrorCode.COMMAND_NOT_ALLOWED);

    assertThat(entryOf(invalid).path("outcome").path("error_code").asText()).isEqualTo("VALIDATION_FAILED");
    assertThat(entryOf(invalid).path("payload").path("device_serial").asText()).isEqualTo("x");
    assertThat(entryOf(unknownDevice).path("target").path("device_serial").asText()).isEqualTo("no-such-device");
    assertThat(entryOf(unknownDevice).path("outcome").path("error_code").asText()).isEqualTo("DEVICE_NOT_FOUND");
    assertThat(entryOf(unknownExecution).path("target").path("execution_id").asText()).isEqualTo("ex_missing");
    assertThat(entryOf(malformed).path("payload_omitted").asText()).isEqualTo("not_json");
    assertThat(entryOf(malformed).has("payload")).isFalse();
    assertThat(entryOf(tooLarge).path("payload_omitted").asText()).isEqualTo("too_large");
    assertThat(entryOf(tooLarge).path("outcome").path("status").asInt()).isEqualTo(413);
    assertThat(entryOf(denied).path("outcome").path("error_code").asText()).isEqualTo("COMMAND_NOT_ALLOWED");
    assertThat(entryOf(denied).path("payload").path("command").asText()).isEqualTo("rm -rf /");
    assertThat(executionIds(server)).as("no execution was created").isEqualTo(before);
  }

  @Test
  void storesPayloadsWithSecretsRedacted() {
    String created = unique("secret-command");
    String command = "curl -H 'Authorization: Bearer tok-SECRET-1' 'https://ci:pw-SECRET-2@ci.example/x?password=pw-SECRET-3'";
    assertThat(post("/api/v1/executions", Executions.body(server.serial(2), command, 30), created).statusCode()).isEqualTo(201);
    String refused = unique("secret-field");
    Envelopes.assertEnvelope(
        post("/api/v1/executions", "{\"device_serial\":\"d\",\"command\":\"id\",\"password\":\"pw-SECRET-4\",\"auth\":{\"api_key\":\"key-SECRET-5\"}}", refused),
        400,
        ErrorCode.VALIDATION_FAILED);

    assertThat(entryOf(created).path("payload").path("command").asText())
        .isEqualTo("curl -H 'Authorization: Bearer [redacted]' 'https://ci:[redacted]@ci.example/x?password=[redacted]'");
    JsonNode payload = entryOf(refused).path("payload");
    assertThat(payload.path("password").asText()).isEqualTo("[redacted]");
    assertThat(payload.path("auth").path("api_key").asText()).isEqualTo("[redacted]");
    assertThat(server.get("/api/v1/audit?page_size=500").body()).doesNotContain("SECRET");
  }

  @Test
  void pagesAndFiltersThroughTheApi() {
    String actor = unique("pager");
    List<String> requestIds = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String id = unique("page-" + i);
      requestIds.add(0, id);
      post("/api/v1/executions", Executions.body(server.serial(3), "echo " + i, 30), id, StandInAuthentication.ACTOR, actor + "/operator");
    }
    post("/api/v1/executions/ex_missing/cancel", null, unique("other-op"), StandInAuthentication.ACTOR, actor + "/operator");

    List<String> walked = new ArrayList<>();
    String token = null;
    do {
      HttpResponse<String> page =
          server.get("/api/v1/audit?page_size=2&operation=createExecution&actor=" + actor + (token == null ? "" : "&page_token=" + token));
      JsonNode body = Envelopes.parse(page.body());
      assertThat(body.path("metadata").path("page_size").asInt()).isEqualTo(2);
      body.path("data").forEach(entry -> walked.add(entry.path("request_id").asText()));
      token = body.path("metadata").path("next_page_token").textValue();
    } while (token != null);
    assertThat(walked).containsExactlyElementsOf(requestIds);

    List<JsonNode> all = listed("actor=" + actor);
    assertThat(all).hasSize(6);
    String third = all.get(3).path("recorded_at").asText();
    assertThat(listed("actor=" + actor + "&since=" + encode(third)))
        .allSatisfy(entry -> assertThat(recordedAt(entry)).isAfterOrEqualTo(Instant.parse(third)))
        .hasSizeGreaterThanOrEqualTo(4);
    assertThat(listed("actor=" + actor + "&until=" + encode(third)))
        .allSatisfy(entry -> assertThat(recordedAt(entry)).isBefore(Instant.parse(third)))
        .hasSizeLessThanOrEqualTo(2);
    assertThat(listed("actor=" + actor + "&operation=cancelExecution")).hasSize(1);
    assertThat(listed("actor=nobody-" + UUID.randomUUID())).isEmpty();

    String firstToken =
        Envelopes.parse(server.get("/api/v1/audit?page_size=1&actor=" + actor).body()).path("metadata").path("next_page_token").asText();
    Envelopes.assertEnvelope(
        server.get("/api/v1/audit?page_size=1&operation=cancelExecution&actor=" + actor + "&page_token=" + firstToken),
        400,
        ErrorCode.INVALID_PAGE_TOKEN);
    Envelopes.assertEnvelope(server.get("/api/v1/audit?since=yesterday"), 400, ErrorCode.INVALID_PARAMETER);
    Envelopes.assertEnvelope(server.get("/api/v1/audit?page_size=501"), 400, ErrorCode.INVALID_PARAMETER);
  }

  @Test
  void readsAreNotRecorded() {
    String listExecutions = unique("read");
    server.send(server.request("/api/v1/executions").header("X-Request-Id", listExecutions).GET());
    String readAudit = unique("audit-read");
    server.send(server.request("/api/v1/audit").header("X-Request-Id", readAudit).GET());

    assertThat(entryOf(server, listExecutions)).isEmpty();
    assertThat(entryOf(server, readAudit)).isEmpty();
  }

  @Test
  void curlWritesAndReadsTheSameLog() throws Exception {
    String requestId = unique("curl");
    String body = Executions.body(server.serial(1), "echo from curl", 30);
    Process post =
        new ProcessBuilder(
                "curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", "-H", "Content-Type: application/json", "-H", "X-Request-Id: " + requestId,
                "--data-binary", body, server.uri("/api/v1/executions").toString())
            .start();
    assertThat(new String(post.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("201");
    Process read = new ProcessBuilder("curl", "-sS", server.uri("/api/v1/audit?operation=createExecution&page_size=500").toString()).start();
    JsonNode page = Envelopes.parse(new String(read.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    assertThat(page.path("data").findValues("request_id")).extracting(JsonNode::asText).contains(requestId);
    assertThat(post.waitFor()).isZero();
    assertThat(read.waitFor()).isZero();
  }

  /** The ids of every execution the server has. */
  static List<String> executionIds(RunningServer server) {
    List<String> ids = new ArrayList<>();
    Envelopes.parse(server.get("/api/v1/executions?page_size=500").body()).path("data").forEach(e -> ids.add(e.path("id").asText()));
    return ids;
  }

  private static Instant recordedAt(JsonNode entry) {
    return Instant.parse(entry.path("recorded_at").asText());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
