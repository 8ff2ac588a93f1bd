package dev.towerline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.server.testing.ServerProcess;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** AC-911, AC-912: secure by default, as a real process started by its environment shows. */
class BindRefusalTest {

  @Test
  void nonLoopbackAddressWithoutTokensExitsWithOneLineNamingTheWayOut() throws Exception {
    try (ServerProcess server = ServerProcess.start(environment(Map.of("BIND_ADDRESS", "0.0.0.0")))) {
      assertThat(server.awaitExit(Duration.ofSeconds(20))).as(server.log()).hasValue(2);
      List<String> refusals = server.log().lines().filter(line -> line.contains("will not start")).toList();
      assertThat(refusals).as(server.log()).hasSize(1);
      assertThat(refusals.get(0)).contains("Refusing to listen on 0.0.0.0 without tokens").contains("TOKENS_FILE").contains("AUTH_DISABLED=true");
      assertThat(server.log()).doesNotContain("\tat ").doesNotContain("listening on");
    }
  }

  @Test
  void authDisabledStartsOnEveryInterfaceAndWarnsAtStart() throws Exception {
    try (ServerProcess server = ServerProcess.start(environment(Map.of("BIND_ADDRESS", "0.0.0.0", "AUTH_DISABLED", "true")))) {
      server.awaitReady();
      assertThat(server.send("GET", "/api/v1/devices", null).statusCode()).isEqualTo(200);
      assertThat(server.log().lines().filter(line -> line.contains("WARN") && line.contains("AUTH_DISABLED=true: authentication is off")))
          .as(server.log())
          .hasSize(1);
    }
  }

  @Test
  void loopbackWithoutTokensSaysSoAtStart() throws Exception {
    try (ServerProcess server = ServerProcess.start(environment(Map.of()))) {
      server.awaitReady();
      assertThat(server.log()).contains("No tokens configured: serving loopback only (127.0.0.1)");
    }
  }

  private static Map<String, String> environment(Map<String, String> settings) {
    Map<String, String> environment = new HashMap<>(settings);
    environment.put("ADB_SIMULATOR", "1");
    environment.put("LOG_FORMAT", "text");
    environment.put("DATABASE_URL", "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
    return environment;
  }
}
