package dev.towerline.sdkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.towerline.client.ConflictException;
import dev.towerline.client.ExecutionQuery;
import dev.towerline.client.NewExecution;
import dev.towerline.client.NotFoundException;
import dev.towerline.client.TowerlineClient;
import dev.towerline.client.ValidationException;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.protocol.Execution;
import dev.towerline.sdkit.support.ContractProxy;
import dev.towerline.server.testing.RunningServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Error answers of the real server become the SDK's typed exceptions, with code, details and request id. */
class ErrorsTest {

  @RegisterExtension @Order(1) static final RunningServer server = new RunningServer();
  @RegisterExtension @Order(2) static final ContractProxy proxy = ContractProxy.inFrontOf(() -> server.uri("/"));

  private final TowerlineClient client = TowerlineClient.builder().baseUrl(proxy.baseUrl()).build();

  @AfterEach
  void closeClient() {
    client.close();
  }

  @Test
  void anUnknownExecutionIsANotFoundExceptionWithItsCodeAndRequestId() {
    NotFoundException thrown = catchThrowableOfType(NotFoundException.class, () -> client.getExecution("ex_nothing_here"));

    assertThat(thrown.httpStatus()).isEqualTo(404);
    assertThat(thrown.knownErrorCode()).contains(ErrorCode.EXECUTION_NOT_FOUND);
    assertThat(thrown.requestId()).isPresent();
    assertThat(proxy.exchanges("GET", "/api/v1/executions/ex_nothing_here")).hasSize(1);
  }

  @Test
  void anUnknownDeviceIsANotFoundException() {
    NotFoundException thrown = catchThrowableOfType(NotFoundException.class, () -> client.getDevice("no-such-device"));

    assertThat(thrown.knownErrorCode()).contains(ErrorCode.DEVICE_NOT_FOUND);
  }

  @Test
  void anInvalidCreateIsAValidationExceptionListingEachViolationAndIsNotRetried() {
    int postsBefore = proxy.exchanges("POST", "/api/v1/executions").size();

    ValidationException thrown = catchThrowableOfType(ValidationException.class,
        () -> client.createExecution(NewExecution.of(server.serial(0), "getprop").withTimeoutSeconds(0)));

    assertThat(thrown.httpStatus()).isEqualTo(400);
    assertThat(thrown.violations()).extracting(ValidationException.Violation::field).containsExactly("timeout_seconds");
    assertThat(proxy.exchanges("POST", "/api/v1/executions")).hasSize(postsBefore + 1);
  }

  @Test
  void aPageTokenTheServerDidNotIssueIsAValidationException() {
    ValidationException thrown = catchThrowableOfType(ValidationException.class,
        () -> client.listExecutions(ExecutionQuery.all().withPageToken("not-a-token")));

    assertThat(thrown.knownErrorCode()).contains(ErrorCode.INVALID_PAGE_TOKEN);
  }

  @Test
  void cancellingAFinishedExecutionIsAConflict() {
    Execution done = client.runAndWait(NewExecution.of(server.serial(0), "true"), Duration.ofSeconds(15));

    ConflictException thrown = catchThrowableOfType(ConflictException.class, () -> client.cancelExecution(done.getId()));

    assertThat(thrown.httpStatus()).isEqualTo(409);
    assertThat(thrown.knownErrorCode()).contains(ErrorCode.EXECUTION_NOT_CANCELLABLE);
  }
}
