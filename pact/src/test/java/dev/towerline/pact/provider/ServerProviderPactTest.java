package dev.towerline.pact.provider;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.towerline.pact.consumer.Participants;
import dev.towerline.server.Main;
import dev.towerline.server.TowerlineServer;
import dev.towerline.server.adb.AdbConfig;
import dev.towerline.server.config.ServerConfig;
import dev.towerline.server.config.TowerlineConfig;
import dev.towerline.server.store.DatabaseConfig;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verifies every pact in the pact folder (by default the ones the consumer tests just wrote;
 * {@code -Dpactfolder.path=...} for others) against the real server on a free loopback port.
 */
@Tag("provider")
@Provider(Participants.PROVIDER)
@PactFolder("${pactfolder.path:target/pacts}")
class ServerProviderPactTest {
  private static TowerlineServer server;

  @BeforeAll
  static void startServer() throws Exception {
    TowerlineConfig config =
        new TowerlineConfig(
            ServerConfig.custom().port(0).build(),
            DatabaseConfig.custom().url("jdbc:h2:mem:pact-provider;MODE=PostgreSQL;DB_CLOSE_DELAY=-1").build(),
            AdbConfig.custom().simulator(2).build());
    server = Main.start(config, Clock.systemUTC());
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void pointAtServer(PactVerificationContext context) {
    context.setTarget(new HttpTestTarget(server.baseUri().getHost(), server.port()));
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void serverHonoursThePact(PactVerificationContext context) {
    context.verifyInteraction();
  }
}
