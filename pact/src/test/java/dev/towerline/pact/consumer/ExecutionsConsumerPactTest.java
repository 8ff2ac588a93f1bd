package dev.towerline.pact.consumer;

import static dev.towerline.pact.consumer.SdkPacts.EXECUTION_ID_EXAMPLE;
import static dev.towerline.pact.consumer.SdkPacts.EXECUTION_STATUSES;
import static dev.towerline.pact.consumer.SdkPacts.OTHER_SERIAL;
import static dev.towerline.pact.consumer.SdkPacts.SERIAL;
import static dev.towerline.pact.consumer.SdkPacts.STATE_EXECUTION_ID;
import static dev.towerline.pact.consumer.SdkPacts.TIMESTAMP;
import static dev.towerline.pact.consumer.SdkPacts.TIMESTAMP_EXAMPLE;
import static dev.towerline.pact.consumer.SdkPacts.UNKNOWN_SERIAL;
import static dev.towerline.pact.consumer.SdkPacts.createdBy;
import static dev.towerline.pact.consumer.SdkPacts.deviceNotFound;
import static dev.towerline.pact.consumer.SdkPacts.envelope;
import static dev.towerline.pact.consumer.SdkPacts.errorOf;
import static dev.towerline.pact.consumer.SdkPacts.execution;
import static dev.towerline.pact.consumer.SdkPacts.jsonAnswer;
import static dev.towerline.pact.consumer.SdkPacts.refusal;
import static dev.towerline.pact.consumer.SdkPacts.sdkFor;
import static dev.towerline.pact.consumer.SdkPacts.stateExecutionId;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonArray;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.dsl.PactDslWithState;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.towerline.client.generated.ApiException;
import dev.towerline.client.generated.ApiResponse;
import dev.towerline.client.generated.api.ExecutionsApi;
import dev.towerline.client.generated.model.CreateExecutionRequest;
import dev.towerline.client.generated.model.ExecutionList;
import dev.towerline.client.generated.model.ExecutionOutput;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.protocol.Execution;
import dev.towerline.protocol.ExecutionStatus;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the Java SDK relies on from the executions routes: create (and each refusal of a create the
 * contract names: 400, 404, 422, 503), get, list, cancel and output.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Participants.PROVIDER, pactVersion = PactSpecVersion.V4)
class ExecutionsConsumerPactTest {
  private static final String BREAKER_OPEN_SERIAL = "R58M123ABC";
  private static final String KEY = "pact-create-echo-hi";
  private static final String REUSED_KEY = "2b0a6f4e-run-fingerprint";
  private static final String BREAKER_KEY = "pact-create-behind-open-breaker";
  private static final String EXECUTIONS = "/api/v1/executions";

  @Pact(consumer = Participants.SDK)
  V4Pact create(PactDslWithProvider builder) {
    return jsonAnswer(
            creating(
                    builder.given(ProviderStates.DEVICE_ONLINE, Map.of("serial", SERIAL)),
                    "a create of an execution with an Idempotency-Key",
                    SERIAL, "echo hi", 60)
                .headers("Idempotency-Key", KEY)
                .willRespondWith(),
            201)
        .matchHeader("Location", ".*/api/v1/executions/[^/]+", "http://localhost:8080/api/v1/executions/" + EXECUTION_ID_EXAMPLE)
        .body(
            execution(new PactDslJsonBody().stringType("id", EXECUTION_ID_EXAMPLE), SERIAL, "echo hi", 60)
                .stringValue("status", "queued"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "create")
  void createsAnExecutionWithAnIdempotencyKey(MockServer server) throws ApiException {
    ApiResponse<Execution> created = executions(server).createExecutionWithHttpInfo(request(SERIAL, "echo hi", 60), KEY);

    assertThat(created.getStatusCode()).isEqualTo(201);
    assertThat(created.getHeaders().get("Location"))
        .singleElement()
        .asString()
        .endsWith("/api/v1/executions/" + EXECUTION_ID_EXAMPLE);
    Execution execution = created.getData();
    assertThat(execution.getId()).isEqualTo(EXECUTION_ID_EXAMPLE);
    assertThat(execution.getStatus()).isEqualTo(ExecutionStatus.QUEUED);
    assertThat(execution.getDeviceSerial()).isEqualTo(SERIAL);
    assertThat(execution.getCommand()).isEqualTo("echo hi");
    assertThat(execution.getTimeoutSeconds()).isEqualTo(60L);
    assertThat(execution.getCreatedAt()).isEqualTo(OffsetDateTime.parse(TIMESTAMP_EXAMPLE));
    assertThat(execution.getOutputBytes()).isZero();
    assertThat(execution.getOutputTruncated()).isFalse();
  }

  @Pact(consumer = Participants.SDK)
  V4Pact invalidCreate(PactDslWithProvider builder) {
    PactDslJsonBody details = new PactDslJsonBody();
    PactDslJsonArray violations = (PactDslJsonArray) details.arrayContaining("violations");
    violations.object().stringValue("field", "command").stringType("reason", "must not be empty").closeObject();
    violations.object().stringValue("field", "timeout_seconds").stringType("reason", "must be between 1 and 86400").closeObject();
    violations.closeArray();
    return jsonAnswer(
            creating(
                    builder.given(ProviderStates.DEVICE_ONLINE, Map.of("serial", SERIAL)),
                    "a create of an execution with an empty command and a zero timeout",
                    SERIAL, "", 0)
                .willRespondWith(),
            400)
        .body(envelope(ErrorCode.VALIDATION_FAILED, "Request body is invalid", details))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "invalidCreate")
  void refusesACreateThatBreaksTheSchemaWith400ValidationFailed(MockServer server) {
    ApiException refused =
        refusal(400, ErrorCode.VALIDATION_FAILED, () -> executions(server).createExecution(request(SERIAL, "", 0), null));

    List<?> violations = (List<?>) errorOf(refused).getDetails().get("violations");
    assertThat(violations)
        .extracting(violation -> (Object) ((Map<?, ?>) violation).get("field"))
        .containsExactly("command", "timeout_seconds");
  }

  @Pact(consumer = Participants.SDK)
  V4Pact reusedKey(PactDslWithProvider builder) {
    Map<String, Object> firstCreate = new HashMap<>(createdBy(SERIAL, "echo first", 60));
    firstCreate.put("idempotency_key", REUSED_KEY);
    return jsonAnswer(
            creating(
                    builder.given(ProviderStates.IDEMPOTENCY_KEY_USED, firstCreate),
                    "a create that reuses an Idempotency-Key with another body",
                    SERIAL, "echo second", 60)
                .headers("Idempotency-Key", REUSED_KEY)
                .willRespondWith(),
            422)
        .body(
            envelope(
                ErrorCode.IDEMPOTENCY_KEY_REUSED,
                "Idempotency-Key was already used with a different request body",
                stateExecutionId(new PactDslJsonBody().stringValue("idempotency_key", REUSED_KEY), "execution_id")))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "reusedKey")
  void refusesAKeyReusedWithAnotherBodyWith422NamingTheFirstExecution(MockServer server) {
    ApiException refused =
        refusal(
            422,
            ErrorCode.IDEMPOTENCY_KEY_REUSED,
            () -> executions(server).createExecution(request(SERIAL, "echo second", 60), REUSED_KEY));

    assertThat(errorOf(refused).getDetails())
        .containsEntry("idempotency_key", REUSED_KEY)
        .containsEntry("execution_id", EXECUTION_ID_EXAMPLE);
  }

  @Pact(consumer = Participants.SDK)
  V4Pact createOnUnknownDevice(PactDslWithProvider builder) {
    return jsonAnswer(
            creating(
                    builder.given(ProviderStates.NO_SUCH_DEVICE, Map.of("serial", UNKNOWN_SERIAL)),
                    "a create of an execution on an unknown device",
                    UNKNOWN_SERIAL, "echo hi", 60)
                .willRespondWith(),
            404)
        .body(deviceNotFound(UNKNOWN_SERIAL))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createOnUnknownDevice")
  void refusesACreateOnAnUnknownDeviceWith404(MockServer server) {
    ApiException refused =
        refusal(
            404, ErrorCode.DEVICE_NOT_FOUND, () -> executions(server).createExecution(request(UNKNOWN_SERIAL, "echo hi", 60), null));

    assertThat(errorOf(refused).getDetails()).containsEntry("serial", UNKNOWN_SERIAL);
  }

  @Pact(consumer = Participants.SDK)
  V4Pact createBehindOpenBreaker(PactDslWithProvider builder) {
    return jsonAnswer(
            creating(
                    builder.given(ProviderStates.DEVICE_BREAKER_OPEN, Map.of("serial", BREAKER_OPEN_SERIAL)),
                    "a create of an execution on a device whose circuit breaker is open",
                    BREAKER_OPEN_SERIAL, "echo hi", 60)
                .headers("Idempotency-Key", BREAKER_KEY)
                .willRespondWith(),
            503)
        .matchHeader("Retry-After", "[1-9][0-9]*", "21")
        .body(
            envelope(
                ErrorCode.DEVICE_CIRCUIT_OPEN,
                "Circuit breaker for device " + BREAKER_OPEN_SERIAL + " is open; retry in 21 s",
                new PactDslJsonBody().stringValue("serial", BREAKER_OPEN_SERIAL).integerType("retry_after_seconds", 21)))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createBehindOpenBreaker")
  void refusesACreateWhileTheDeviceBreakerIsOpenWith503AndRetryAfter(MockServer server) {
    ApiException refused =
        refusal(
            503,
            ErrorCode.DEVICE_CIRCUIT_OPEN,
            () -> executions(server).createExecution(request(BREAKER_OPEN_SERIAL, "echo hi", 60), BREAKER_KEY));

    assertThat(refused.getResponseHeaders().firstValue("Retry-After")).hasValue("21");
    assertThat(errorOf(refused).getDetails())
        .containsEntry("serial", BREAKER_OPEN_SERIAL)
        .containsEntry("retry_after_seconds", 21);
  }

  @Pact(consumer = Participants.SDK)
  V4Pact finishedExecution(PactDslWithProvider builder) {
    Map<String, Object> succeeded = createdBy(SERIAL, "echo hi", 60);
    PactDslResponse got =
        jsonAnswer(
                builder
                    .given(ProviderStates.EXECUTION_SUCCEEDED, succeeded)
                    .uponReceiving("a request for an execution that has succeeded")
                    .pathFromProviderState(EXECUTIONS + "/" + STATE_EXECUTION_ID, EXECUTIONS + "/" + EXECUTION_ID_EXAMPLE)
                    .method("GET")
                    .willRespondWith(),
                200)
            .body(
                execution(stateExecutionId(new PactDslJsonBody(), "id"), SERIAL, "echo hi", 60)
                    .stringValue("status", "succeeded")
                    .numberValue("exit_code", 0)
                    .stringMatcher("started_at", TIMESTAMP, TIMESTAMP_EXAMPLE)
                    .stringMatcher("finished_at", TIMESTAMP, "2026-11-22T10:15:03Z")
                    .integerType("duration_ms", 412));
    PactDslResponse listed =
        jsonAnswer(
                got.given(ProviderStates.EXECUTION_SUCCEEDED, succeeded)
                    .uponReceiving("a request for the executions on a device")
                    .path(EXECUTIONS)
                    .query("device_serial=" + SERIAL + "&page_size=10")
                    .method("GET")
                    .willRespondWith(),
                200)
            .body(
                new PactDslJsonBody()
                    .minArrayLike(
                        "data",
                        1,
                        execution(new PactDslJsonBody().stringType("id", EXECUTION_ID_EXAMPLE), SERIAL, "echo hi", 60)
                            .stringMatcher("status", EXECUTION_STATUSES, "succeeded"),
                        1)
                    .object("metadata", new PactDslJsonBody().numberValue("page_size", 10))
                    .stringMatcher("timestamp", TIMESTAMP, TIMESTAMP_EXAMPLE));
    return jsonAnswer(
            listed
                .given(ProviderStates.EXECUTION_SUCCEEDED, succeeded)
                .uponReceiving("a read of the output of an execution that has succeeded")
                .pathFromProviderState(
                    EXECUTIONS + "/" + STATE_EXECUTION_ID + "/output", EXECUTIONS + "/" + EXECUTION_ID_EXAMPLE + "/output")
                .query("offset=0")
                .method("GET")
                .willRespondWith(),
            200)
        .body(
            stateExecutionId(new PactDslJsonBody(), "execution_id")
                .stringValue("status", "succeeded")
                .numberValue("offset", 0)
                .numberValue("next_offset", 3)
                .numberValue("available_from", 0)
                .stringValue("data", "hi\n")
                .booleanValue("complete", true))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "finishedExecution")
  void getsListsAndReadsTheOutputOfAFinishedExecution(MockServer server) throws ApiException {
    ExecutionsApi executions = executions(server);

    Execution execution = executions.getExecution(EXECUTION_ID_EXAMPLE);
    assertThat(execution.getStatus()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(execution.getExitCode()).isZero();
    assertThat(execution.getFinishedAt()).isEqualTo(OffsetDateTime.parse("2026-11-22T10:15:03Z"));
    assertThat(execution.getDurationMs()).isEqualTo(412L);

    ExecutionList page = executions.listExecutions(10, null, null, SERIAL, null, null, null);
    assertThat(page.getData()).singleElement().satisfies(listed -> {
      assertThat(listed.getId()).isEqualTo(EXECUTION_ID_EXAMPLE);
      assertThat(listed.getDeviceSerial()).isEqualTo(SERIAL);
    });
    assertThat(page.getMetadata().getPageSize()).isEqualTo(10);

    ExecutionOutput output = executions.getExecutionOutput(EXECUTION_ID_EXAMPLE, 0L, null);
    assertThat(output.getExecutionId()).isEqualTo(EXECUTION_ID_EXAMPLE);
    assertThat(output.getData()).isEqualTo("hi\n");
    assertThat(output.getNextOffset()).isEqualTo(3L);
    assertThat(output.getComplete()).isTrue();
  }

  @Pact(consumer = Participants.SDK)
  V4Pact cancel(PactDslWithProvider builder) {
    return jsonAnswer(
            builder
                .given(ProviderStates.EXECUTION_RUNNING, createdBy(OTHER_SERIAL, "sleep 600", 900))
                .uponReceiving("a cancel of a running execution")
                .pathFromProviderState(
                    EXECUTIONS + "/" + STATE_EXECUTION_ID + "/cancel", EXECUTIONS + "/" + EXECUTION_ID_EXAMPLE + "/cancel")
                .method("POST")
                .willRespondWith(),
            200)
        .body(
            execution(
                    stateExecutionId(new PactDslJsonBody(), "id"),
                    OTHER_SERIAL,
                    "sleep 600",
                    900)
                .stringValue("status", "cancelled")
                .stringMatcher("finished_at", TIMESTAMP, "2026-11-22T10:16:10Z")
                .object(
                    "error",
                    new PactDslJsonBody()
                        .stringValue("code", ErrorCode.EXECUTION_CANCELLED.value())
                        .stringType("message", "Cancelled by a client")))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "cancel")
  void cancelsARunningExecution(MockServer server) throws ApiException {
    Execution cancelled = executions(server).cancelExecution(EXECUTION_ID_EXAMPLE);

    assertThat(cancelled.getId()).isEqualTo(EXECUTION_ID_EXAMPLE);
    assertThat(cancelled.getStatus()).isEqualTo(ExecutionStatus.CANCELLED);
    assertThat(cancelled.getError().getCode()).isEqualTo(ErrorCode.EXECUTION_CANCELLED);
    assertThat(cancelled.getFinishedAt()).isEqualTo(OffsetDateTime.parse("2026-11-22T10:16:10Z"));
  }

  /** {@code POST /api/v1/executions} with this body, as the SDK sends it. */
  private static PactDslRequestWithPath creating(
      PactDslWithState given, String description, String serial, String command, int timeoutSeconds) {
    return given
        .uponReceiving(description)
        .path(EXECUTIONS)
        .method("POST")
        .body(
            new PactDslJsonBody()
                .stringValue("device_serial", serial)
                .stringValue("command", command)
                .numberValue("timeout_seconds", timeoutSeconds))
        // The SDK sends no charset; the body sets one unless the header is stated.
        .matchHeader("Content-Type", SdkPacts.JSON, "application/json");
  }

  private static CreateExecutionRequest request(String serial, String command, int timeoutSeconds) {
    return new CreateExecutionRequest().deviceSerial(serial).command(command).timeoutSeconds(timeoutSeconds);
  }

  private static ExecutionsApi executions(MockServer server) {
    return new ExecutionsApi(sdkFor(server));
  }
}
