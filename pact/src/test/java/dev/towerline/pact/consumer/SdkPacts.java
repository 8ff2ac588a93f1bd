package dev.towerline.pact.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.towerline.client.generated.ApiClient;
import dev.towerline.client.generated.ApiException;
import dev.towerline.client.generated.model.ErrorEnvelope;
import dev.towerline.protocol.ApiError;
import dev.towerline.protocol.ErrorCode;
import java.io.UncheckedIOException;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * What the consumer pacts share: the SDK aimed at Pact's mock server, matchers for the values only
 * the server knows (ids, timestamps, request ids), and the shapes openapi.yaml gives every answer.
 * Examples are the contract's own, so the mock server answers what the contract shows.
 */
final class SdkPacts {
  /** The contract's example device, and a second one; a provider state plugs in what it names. */
  static final String SERIAL = "emulator-5554";
  static final String OTHER_SERIAL = "emulator-5556";
  /** The serial of the contract's DEVICE_NOT_FOUND example. */
  static final String UNKNOWN_SERIAL = "emulator-9999";

  /** Any JSON media type: the SDK reads the body whatever the parameters. */
  static final String JSON = "application/json(;.*)?";

  /** RFC 3339 date-time, the format of every timestamp in the contract. */
  static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})";

  static final String TIMESTAMP_EXAMPLE = "2026-11-22T10:15:02Z";
  static final String REQUEST_ID_EXAMPLE = "4f1c2a9e-0b7d-4c55-9a51-2f0c7d3e8b10";
  static final String EXECUTION_ID_EXAMPLE = "ex_01JD4Z8Q2M7W";
  /** Where a path or body takes the {@code execution_id} a provider state returned. */
  static final String STATE_EXECUTION_ID = "${execution_id}";

  /** Every value of ExecutionStatus, for executions whose status the pact does not fix. */
  static final String EXECUTION_STATUSES = "queued|running|succeeded|failed|cancelled|timed_out|error|interrupted";

  private SdkPacts() {}

  static ApiClient sdkFor(MockServer server) {
    ApiClient client = new ApiClient();
    client.updateBaseUri(server.getUrl());
    return client;
  }

  /** A JSON answer with the {@code X-Request-Id} header every answer of the server carries. */
  static PactDslResponse jsonAnswer(PactDslResponse response, int status) {
    return response
        .status(status)
        .matchHeader("Content-Type", JSON, "application/json")
        .matchHeader("X-Request-Id", ".+", REQUEST_ID_EXAMPLE);
  }

  /** {@code {"error": {"code", "message", "details"}, "request_id"}} with this code and details. */
  static PactDslJsonBody envelope(ErrorCode code, String messageExample, PactDslJsonBody details) {
    PactDslJsonBody error =
        new PactDslJsonBody()
            .stringValue("code", code.value())
            .stringType("message", messageExample)
            .object("details", details);
    return new PactDslJsonBody().object("error", error).stringType("request_id", REQUEST_ID_EXAMPLE);
  }

  /** The 404 envelope for a serial no device has. */
  static PactDslJsonBody deviceNotFound(String serial) {
    return envelope(ErrorCode.DEVICE_NOT_FOUND, "No device with serial " + serial, new PactDslJsonBody().stringValue("serial", serial));
  }

  /**
   * The execution id the provider state returned: the server's answer must equal it, not only be
   * a string (the state value replaces the example when the pact is verified).
   */
  static PactDslJsonBody stateExecutionId(PactDslJsonBody body, String name) {
    return body.valueFromProviderState(name, STATE_EXECUTION_ID, EXECUTION_ID_EXAMPLE).equalTo(name, EXECUTION_ID_EXAMPLE);
  }

  /** The parameters of a provider state that creates an execution: the create request's fields. */
  static Map<String, Object> createdBy(String serial, String command, int timeoutSeconds) {
    return Map.of("device_serial", serial, "command", command, "timeout_seconds", timeoutSeconds);
  }

  /**
   * Makes a call the server refuses, and checks the SDK surfaced the status and the envelope with
   * this code (and the request id); returns the SDK's exception for what else a test reads.
   */
  static ApiException refusal(int status, ErrorCode code, ThrowingCallable call) {
    ApiException refused = catchThrowableOfType(ApiException.class, call);
    assertThat(refused).as("what the SDK threw").isNotNull();
    assertThat(refused.getCode()).isEqualTo(status);
    ErrorEnvelope envelope = envelopeOf(refused);
    assertThat(envelope.getError().getCode()).isEqualTo(code);
    assertThat(envelope.getRequestId()).isEqualTo(REQUEST_ID_EXAMPLE);
    return refused;
  }

  /** The error object of the envelope the SDK surfaced. */
  static ApiError errorOf(ApiException refused) {
    return envelopeOf(refused).getError();
  }

  /** The error envelope the SDK surfaced with a failed call, read with the SDK's own mapper. */
  private static ErrorEnvelope envelopeOf(ApiException failure) {
    try {
      return ApiClient.createDefaultObjectMapper().readValue(failure.getResponseBody(), ErrorEnvelope.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("the SDK's error body is not an envelope: " + failure.getResponseBody(), e);
    }
  }

  /**
   * The fields of an Execution the SDK always gets, except {@code id} and {@code status}: what
   * the client sent exactly, what the server made by shape.
   */
  static PactDslJsonBody execution(PactDslJsonBody body, String serial, String command, int timeoutSeconds) {
    return body.stringValue("device_serial", serial)
        .stringValue("command", command)
        .numberValue("timeout_seconds", timeoutSeconds)
        .stringMatcher("created_at", TIMESTAMP, TIMESTAMP_EXAMPLE)
        .integerType("output_bytes", 0)
        .booleanType("output_truncated", false);
  }
}
