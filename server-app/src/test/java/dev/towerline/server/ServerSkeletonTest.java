package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.server.testing.ContractOperations;
import dev.towerline.server.testing.ContractOperations.Operation;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.RunningServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ServerSkeletonTest {


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
  void everyContractOperationIsServedWithAnAnswerTheContractAllows() {
    List<Operation> operations = ContractOperations.all();
    assertThat(operations).hasSizeGreaterThanOrEqualTo(16);

    // RunningServer validates each answer against the operation's documented responses.
    SoftAssertions softly = new SoftAssertions();
    for (Operation operation : operations) {
      softly.check(() -> assertThat(call(operation).statusCode()).as(operation.operationId()).isNotEqualTo(501));
    }
    softly.assertAll();
  }

  @Test
  void knownEnumQueryValuesReachTheOperation() {
    HttpResponse<String> response = server.get("/api/v1/devices?state=online&page_size=10");

    assertThat(response.statusCode()).isEqualTo(200);
  }

  private static HttpResponse<String> call(Operation operation) {
    HttpRequest.BodyPublisher body =
        operation.jsonBody() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(operation.jsonBody());
    HttpRequest.Builder request =
        server.request(operation.pathAndQuery()).method(operation.method(), body);
    if (operation.jsonBody() != null) {
      request.header("Content-Type", "application/json");
    }
    return server.send(request);
  }
}
