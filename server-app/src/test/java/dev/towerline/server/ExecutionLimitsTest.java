package dev.towerline.server;

import static dev.towerline.server.testing.Envelopes.assertEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.testing.Executions;
import dev.towerline.server.testing.RunningServer;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The configured limits: queue per device, global parallelism and retained output. */
class ExecutionLimitsTest {
  @RegisterExtension
  static final RunningServer server =
      new RunningServer().executions(e -> e.queueLimit(2).parallelism(1).outputLimitBytes(100));

  private static final Executions executions = new Executions(server);

  @BeforeAll
  static void chattyCommand() {
    server.adb().registerCommand("chatty", (session, args) -> {
      for (int i = 0; i < 50; i++) {
        session.out(String.format("%03d€\n", i));  // 7 bytes per line: € is 3 bytes
      }
      return 0;
    });
  }


  @Test
  void aFullDeviceQueueAnswers429WithRetryAfter() {
    String running = executions.create(server.serial(0), "sleep 30", 60).path("id").asText();
    executions.awaitStatus(running, "running");
    String q1 = executions.create(server.serial(0), "true", 30).path("id").asText();
    String q2 = executions.create(server.serial(0), "true", 30).path("id").asText();

    HttpResponse<String> full = executions.post(Executions.body(server.serial(0), "true", 30));

    JsonNode error = assertEnvelope(full, 429, ErrorCode.QUEUE_FULL);
    assertThat(error.path("details").path("limit").asInt()).isEqualTo(2);
    assertThat(full.headers().firstValue("Retry-After")).isPresent();
    executions.cancel(q1);
    executions.cancel(q2);
    executions.cancel(running);
  }

  @Test
  void theParallelismLimitHoldsAcrossDevices() {
    String a = executions.create(server.serial(1), "sleep 0.5", 30).path("id").asText();
    String b = executions.create(server.serial(2), "sleep 0.5", 30).path("id").asText();

    JsonNode first = executions.awaitFinished(a);
    JsonNode second = executions.awaitFinished(b);

    assertThat(Instant.parse(second.path("started_at").asText())).isAfterOrEqualTo(Instant.parse(first.path("finished_at").asText()));
  }

  @Test
  void keepsTheTailWhenOutputExceedsTheLimit() {
    String id = executions.create(server.serial(3), "chatty", 30).path("id").asText();
    JsonNode done = executions.awaitFinished(id);

    assertThat(done.path("output_bytes").asLong()).isEqualTo(350);
    assertThat(done.path("output_truncated").asBoolean()).isTrue();
    JsonNode piece = executions.output(id, 0, 65536);
    assertThat(piece.path("available_from").asLong()).isPositive();
    assertThat(piece.path("offset").asLong()).isEqualTo(piece.path("available_from").asLong());
    assertThat(piece.path("next_offset").asLong()).isEqualTo(350);
    assertThat(piece.path("data").asText()).endsWith("048€\n049€\n");
    assertThat(piece.path("data").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(100);
    assertThat(piece.path("complete").asBoolean()).isTrue();
  }
}
