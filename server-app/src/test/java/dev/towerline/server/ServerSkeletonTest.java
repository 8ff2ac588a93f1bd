package dev.towerline.server;

import static dev.towerline.server.testing.Envelopes.assertEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.testing.ContractOperations;
import dev.towerline.server.testing.ContractOperations.Operation;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.RunningServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ServerSkeletonTest {

  /** Operations this build serves; every other operation of the contract must answer 501. */
  private static final Set<String> SERVED =
      Set.of(
          "listEvents",
          "listDevices",
          "getDevice",
          "createExecution",
          "listExecutions",
          "getExecution",
          "cancelExecution",
          "getExecutionOutput",
          "getLiveness",
          "getReadiness",
          "getFullHealth",
          "getLegacyStatus",
          "getMetrics",
          "getOpenApiDocument",
          "getAsyncApiDocument",
          "getSchemaFile");

  @RegisterExtension static final RunningServer server = new RunningServer();

  @Test
  void healthAnswers200() {
    HttpResponse<String> response = server.get("/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode body = Envelopes.parse(response.body());
    assertThat(body.path("status").asText()).isEqualTo("ok");
    assertThat(body.path("version").asText())
        .isEqualTo(ContractOperations.openApi().path("info").path("version").asText())
        .isNotBlank();
    assertThat(body.path("uptime_seconds").isIntegralNumber()).isTrue();
    assertThat(body.path("uptime_seconds").asLong()).isNotNegative();
  }

  @Test
  void readinessAnswers200Ready() {
    HttpResponse<String> response = server.get("/health/ready");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Envelopes.parse(response.body()).path("status").asText()).isEqualTo("ready");
  }

  @Test
  void everyContractOperationIsServedAndNoneAnswers501() {
    List<Operation> unimplemented =
        ContractOperations.all().stream()
            .filter(operation -> !SERVED.contains(operation.operationId()))
            .toList();
    // listEvents was the last one; anything added to the contract later must answer a 501 envelope.
    assertThat(unimplemented).extracting(Operation::operationId).isEmpty();

    SoftAssertions softly = new SoftAssertions();
    for (Operation operation : unimplemented) {
      softly.check(() -> assertAnswers501(operation));
    }
    softly.assertAll();
  }

  @Test
  void knownEnumQueryValuesReachTheOperation() {
    HttpResponse<String> response = server.get("/api/v1/devices?state=online&page_size=10");

    assertThat(response.statusCode()).isEqualTo(200);
  }

  private static void assertAnswers501(Operation operation) {
    HttpRequest.BodyPublisher body =
        operation.jsonBody() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(operation.jsonBody());
    HttpRequest.Builder request =
        server.request(operation.pathAndQuery()).method(operation.method(), body);
    if (operation.jsonBody() != null) {
      request.header("Content-Type", "application/json");
    }

    HttpResponse<String> response = server.send(request);

    JsonNode error = assertEnvelope(response, 501, ErrorCode.NOT_IMPLEMENTED);
    assertThat(error.path("message").asText())
        .as("message of %s", operation)
        .isEqualTo(operation.operationId() + " is not implemented in this server build yet");
  }
}
