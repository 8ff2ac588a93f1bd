package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.RunningServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A device whose ADB commands keep failing shows its open breaker, then heals by itself. */
class DeviceBreakerApiTest {
  @RegisterExtension
  static final RunningServer server =
      RunningServer.withAdb(
          adb ->
              adb.pollInterval(Duration.ofMillis(200))
                  .breakerCooldown(Duration.ofSeconds(1))
                  .retryBackoff(Duration.ofMillis(10), Duration.ofMillis(20)));

  @Test
  void deviceBreakerOpensAfterThreeFailedCommandsAndClosesAfterTheCooldown() {
    String serial = server.adb().devices().get(0).serial();
    await().atMost(Duration.ofSeconds(10)).until(() -> link(serial).path("breaker_state").asText().equals("closed"));

    server.adb().faults().failNextCommands(serial, 3);

    await().atMost(Duration.ofSeconds(10)).until(() -> link(serial).path("breaker_state").asText().equals("open"));
    JsonNode open = link(serial);
    assertThat(open.path("consecutive_failures").asInt()).isGreaterThanOrEqualTo(3);
    assertThat(open.path("last_error").path("code").asText()).isNotEmpty();
    assertThat(open.has("last_failure_at")).isTrue();

    await().atMost(Duration.ofSeconds(10)).until(() -> link(serial).path("breaker_state").asText().equals("closed"));
    assertThat(link(serial).path("consecutive_failures").asInt()).isZero();
  }

  private static JsonNode link(String serial) {
    return Envelopes.parse(server.get("/api/v1/devices/" + serial).body()).path("link");
  }
}
