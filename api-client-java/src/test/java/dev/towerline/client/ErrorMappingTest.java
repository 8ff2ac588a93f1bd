package dev.towerline.client;

import static dev.towerline.client.FaultServer.REQUEST_ID;
import static dev.towerline.client.FaultServer.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.towerline.protocol.ErrorCode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ErrorMappingTest {

  private final FaultServer server;
  private final TowerlineClient client;

  ErrorMappingTest() throws IOException {
    server = new FaultServer();
    client = TowerlineClient.builder().baseUrl(server.baseUrl()).retryPolicy(RetryPolicy.none()).build();
  }

  @AfterEach
  void tearDown() {
    client.close();
    server.close();
  }

  @Test
  void mapsEnvelopeToCodeSpecificException() {
    server.enqueue(envelope(404, "EXECUTION_NOT_FOUND", "No execution ex_missing", "{\"execution_id\":\"ex_missing\"}"));

    NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> client.getExecution("ex_missing"));

    assertThat(e.httpStatus()).isEqualTo(404);
    assertThat(e.errorCode()).contains("EXECUTION_NOT_FOUND");
    assertThat(e.knownErrorCode()).contains(ErrorCode.EXECUTION_NOT_FOUND);
    assertThat(e.getMessage()).isEqualTo("No execution ex_missing");
    assertThat(e.details()).isEqualTo(Map.of("execution_id", "ex_missing"));
    assertThat(e.requestId()).contains(REQUEST_ID);
    assertThat(server.contractProblems()).isEmpty();
  }

  @Test
  void mapsEnvelopeCodesToTypedExceptions() {
    server.enqueue(
        envelope(400, "VALIDATION_FAILED", "Body breaks the schema",
            "{\"violations\":[{\"field\":\"command\",\"reason\":\"must not be empty\"}]}"),
        envelope(409, "DEVICE_NOT_READY", "Device is offline", "{\"serial\":\"emulator-5554\",\"state\":\"offline\"}"),
        envelope(422, "IDEMPOTENCY_KEY_REUSED", "Key used with another body", "{\"idempotency_key\":\"k\"}"),
        envelope(429, "QUEUE_FULL", "Queue full", "{\"serial\":\"emulator-5554\",\"limit\":100}").withHeader("Retry-After", "7"),
        envelope(503, "DEVICE_CIRCUIT_OPEN", "Breaker open", "{\"serial\":\"emulator-5554\"}").withHeader("Retry-After", "21"),
        envelope(503, "DATABASE_UNAVAILABLE", "Database down", "{}").withHeader("Retry-After", "5"),
        envelope(500, "INTERNAL_ERROR", "Unexpected", "{}"));

    ValidationException validation = failureOfCreate(ValidationException.class);
    assertThat(validation.violations()).containsExactly(new ValidationException.Violation("command", "must not be empty"));
    assertThat(failureOfCreate(ConflictException.class)).isExactlyInstanceOf(ConflictException.class);
    assertThat(failureOfCreate(IdempotencyKeyReusedException.class).httpStatus()).isEqualTo(422);
    assertThat(failureOfCreate(RateLimitedException.class).retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(failureOfCreate(CircuitOpenException.class).retryAfter()).contains(Duration.ofSeconds(21));
    assertThat(failureOfCreate(UnavailableException.class)).isExactlyInstanceOf(UnavailableException.class);
    assertThat(failureOfCreate(ServerException.class).requestId()).contains(REQUEST_ID);
    assertThat(server.contractProblems()).isEmpty();
  }

  @Test
  void mapsAnUnknownCodeByItsHttpStatus() {
    server.enqueue(envelope(404, "SHELF_NOT_FOUND", "A code newer than this SDK", "{}"));

    NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> client.getDevice("emulator-5554"));

    assertThat(e.errorCode()).contains("SHELF_NOT_FOUND");
    assertThat(e.knownErrorCode()).isEmpty();
  }

  @Test
  void mapsAnAnswerWithoutEnvelopeByItsHttpStatus() {
    server.enqueue(new FaultServer.Respond(502, Map.of("Content-Type", "text/html"), "<h1>Bad gateway</h1>"));

    UnavailableException e = catchThrowableOfType(UnavailableException.class, () -> client.listDevices());

    assertThat(e.httpStatus()).isEqualTo(502);
    assertThat(e.errorCode()).isEmpty();
    assertThat(e.getMessage()).contains("HTTP 502 without an error envelope");
  }

  @Test
  void mapsAnUnreadableSuccessToServerExceptionNotAJacksonOne() {
    server.enqueue(FaultServer.json(200, "{\"serial\": [oops"));

    ServerException e = catchThrowableOfType(ServerException.class, () -> client.getDevice("emulator-5554"));

    assertThat(e.getMessage()).contains("is not a Device");
    assertThat(e.requestId()).contains(REQUEST_ID);
  }

  @Test
  void mapsConnectionFailureToTransportException() throws IOException {
    // The JDK client itself resends a GET once when a connection closes before any answer.
    server.enqueue(new FaultServer.Drop(), new FaultServer.Drop(), new FaultServer.Drop());

    TowerlineTransportException dropped =
        catchThrowableOfType(TowerlineTransportException.class, () -> client.getDevice("emulator-5554"));

    assertThat(dropped.httpStatus()).isZero();
    assertThat(dropped.errorCode()).isEmpty();
    assertThat(dropped).hasCauseInstanceOf(IOException.class).hasMessageContaining("GET ");

    try (ServerSocket resetting = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread resetter = new Thread(() -> resetEveryConnection(resetting), "resetter");
      resetter.start();
      try (TowerlineClient reset = TowerlineClient.builder()
          .baseUrl("http://127.0.0.1:" + resetting.getLocalPort() + "/").retryPolicy(RetryPolicy.none()).build()) {
        assertThat(catchThrowableOfType(TowerlineTransportException.class, () -> reset.getDevice("emulator-5554")))
            .hasCauseInstanceOf(IOException.class);
      }
    }

    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (TowerlineClient refused =
        TowerlineClient.builder().baseUrl("http://127.0.0.1:" + closedPort + "/").retryPolicy(RetryPolicy.none()).build()) {
      assertThat(catchThrowableOfType(TowerlineTransportException.class, refused::health))
          .hasCauseInstanceOf(java.net.ConnectException.class);
    }
  }

  /** Accepts, reads the request, then closes with SO_LINGER 0: the client gets a TCP RST. */
  private static void resetEveryConnection(ServerSocket server) {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        socket.getInputStream().read(new byte[8192]);
        socket.setSoLinger(true, 0);
      } catch (IOException closed) {
        return;
      }
    }
  }

  private <E extends TowerlineException> E failureOfCreate(Class<E> type) {
    return catchThrowableOfType(type, () -> client.createExecution("emulator-5554", "getprop"));
  }
}
