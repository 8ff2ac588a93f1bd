package dev.towerline.server;

import static dev.towerline.server.testing.Envelopes.assertEnvelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.Executions;
import dev.towerline.server.testing.RunningServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With the ADB server down its devices look offline; a create says what is really wrong (503
 * ADB_UNAVAILABLE with Retry-After, not 409 DEVICE_NOT_READY) and works again once ADB is back.
 */
class AdbServerDownTest {
  private static final Duration COOLDOWN = Duration.ofSeconds(2);

  @RegisterExtension
  static final RunningServer server =
      RunningServer.withAdb(
          adb ->
              adb.pollInterval(Duration.ofMillis(200))
                  .breakerCooldown(COOLDOWN)
                  .retryBackoff(Duration.ofMillis(10), Duration.ofMillis(20))
                  .reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(200)));

  private static final Executions executions = new Executions(server);

  @Test
  void createWhileTheAdbServerIsDownIs503AdbUnavailableUntilItIsBack() throws Exception {
    String serial = server.serial(0);
    server.adb().stop();

    HttpResponse<String>[] refused = new HttpResponse[1];
    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> {
      refused[0] = executions.post(Executions.body(serial, "echo hi", 30));
      return refused[0].body().contains("ADB_UNAVAILABLE");
    });
    assertEnvelope(refused[0], 503, ErrorCode.ADB_UNAVAILABLE);
    assertThat(refused[0].headers().firstValue("Retry-After"))
        .hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, COOLDOWN.toSeconds()));

    server.adb().start();
    String[] created = new String[1];
    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> {
      HttpResponse<String> retried = executions.post(Executions.body(serial, "echo back", 30));
      created[0] = retried.statusCode() == 201 ? Envelopes.parse(retried.body()).path("id").asText() : null;
      return created[0] != null;
    });
    assertThat(executions.awaitFinished(created[0]).path("status").asText()).isEqualTo("succeeded");
  }
}
