package dev.towerline.server;

import static dev.towerline.server.testing.Envelopes.assertEnvelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.adb.simulator.DeviceState;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.Executions;
import dev.towerline.server.testing.RunningServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code Idempotency-Key} on createExecution: replays, conflicts and concurrent duplicates. */
class IdempotencyTest {
  @RegisterExtension static final RunningServer server = new RunningServer();

  private static final Executions executions = new Executions(server);

  private static String serial() {
    return server.adb().devices().get(0).serial();
  }

  @Test
  void replaysTheSameExecutionInItsCurrentStateForTheSameKeyAndBody() {
    String key = UUID.randomUUID().toString();
    String body = Executions.body(serial(), "echo once", 30);

    HttpResponse<String> first = executions.post(body, key);
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
    String id = Envelopes.parse(first.body()).path("id").asText();
    executions.awaitFinished(id);

    HttpResponse<String> replay = executions.post(body, key);

    assertThat(replay.statusCode()).isEqualTo(200);
    assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(replay.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/executions/" + id));
    JsonNode replayed = Envelopes.parse(replay.body());
    assertThat(replayed.path("id").asText()).isEqualTo(id);
    assertThat(replayed.path("status").asText()).isEqualTo("succeeded");
    assertThat(executions.fullOutput(id)).isEqualTo("once\n");
  }

  @Test
  void leavingOutTheDefaultTimeoutIsTheSameBody() {
    String key = UUID.randomUUID().toString();
    assertThat(executions.post(Executions.body(serial(), "true", null), key).statusCode()).isEqualTo(201);

    assertThat(executions.post(Executions.body(serial(), "true", 300), key).statusCode()).isEqualTo(200);
  }

  @Test
  void refusesTheSameKeyWithADifferentBody() {
    String key = UUID.randomUUID().toString();
    String id = Envelopes.parse(executions.post(Executions.body(serial(), "echo a", 30), key).body()).path("id").asText();

    JsonNode error = assertEnvelope(executions.post(Executions.body(serial(), "echo b", 30), key), 422, ErrorCode.IDEMPOTENCY_KEY_REUSED);

    assertThat(error.path("details").path("idempotency_key").asText()).isEqualTo(key);
    assertThat(error.path("details").path("execution_id").asText()).isEqualTo(id);
  }

  @Test
  void replaysAnEarlierCreateWhileItsDeviceCannotTakeNewOnes() {
    String serial = server.adb().devices().get(1).serial();
    String key = UUID.randomUUID().toString();
    String body = Executions.body(serial, "true", 30);
    String id = Envelopes.parse(executions.post(body, key).body()).path("id").asText();
    executions.awaitFinished(id);
    server.adb().setState(serial, DeviceState.OFFLINE);
    try {
      await().atMost(Duration.ofSeconds(10))
          .until(() -> Envelopes.parse(server.get("/api/v1/devices/" + serial).body()).path("state").asText().equals("offline"));

      HttpResponse<String> replay = executions.post(body, key);

      assertThat(replay.statusCode()).isEqualTo(200);
      assertThat(Envelopes.parse(replay.body()).path("id").asText()).isEqualTo(id);
      assertEnvelope(executions.post(Executions.body(serial, "echo other", 30), key), 422, ErrorCode.IDEMPOTENCY_KEY_REUSED);
      assertEnvelope(executions.post(body, UUID.randomUUID().toString()), 409, ErrorCode.DEVICE_NOT_READY);
    } finally {
      server.adb().setState(serial, DeviceState.DEVICE);
    }
  }

  @Test
  void tenConcurrentDuplicatesCreateExactlyOneExecution() throws Exception {
    String key = UUID.randomUUID().toString();
    String body = Executions.body(serial(), "echo duplicate", 30);
    ExecutorService clients = Executors.newFixedThreadPool(10);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> sent = new ArrayList<>();
    try {
      for (int i = 0; i < 10; i++) {
        sent.add(clients.submit(() -> {
          go.await();
          return executions.post(body, key);
        }));
      }
      go.countDown();
      List<HttpResponse<String>> responses = new ArrayList<>();
      for (Future<HttpResponse<String>> response : sent) {
        responses.add(response.get());
      }

      assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isIn(200, 201, 409));
      assertThat(responses.stream().filter(r -> r.statusCode() == 201)).hasSize(1);
      Set<String> ids =
          responses.stream()
              .filter(r -> r.statusCode() != 409)
              .map(r -> Envelopes.parse(r.body()).path("id").asText())
              .collect(Collectors.toSet());
      assertThat(ids).hasSize(1);
      String list = server.get("/api/v1/executions?device_serial=" + serial() + "&page_size=500").body();
      assertThat(Envelopes.parse(list).path("data").findValuesAsText("command").stream().filter("echo duplicate"::equals)).hasSize(1);
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void refusesKeysThatAreNotVisibleAscii() {
    assertEnvelope(executions.post(Executions.body(serial(), "true", 30), "k".repeat(256)), 400, ErrorCode.INVALID_PARAMETER);
    assertEnvelope(executions.post(Executions.body(serial(), "true", 30), "has space"), 400, ErrorCode.INVALID_PARAMETER);
  }
}
