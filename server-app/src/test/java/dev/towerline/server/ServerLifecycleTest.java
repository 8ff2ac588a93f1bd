package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.towerline.server.config.ServerConfig;
import dev.towerline.server.testing.TestConfigs;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class ServerLifecycleTest {

  @Test
  void stopReleasesThePortAndIsIdempotent() throws IOException {
    TowerlineServer server = Main.start(TestConfigs.isolated(), Clock.systemUTC());
    int port = server.port();
    assertThat(port).isPositive();

    server.stop();
    server.stop();

    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void startFailsWhenThePortIsTaken() throws IOException {
    ServerConfig anyPort = ServerConfig.custom().port(0).build();
    try (TowerlineServer first = Main.start(TestConfigs.isolated(anyPort), Clock.systemUTC())) {
      ServerConfig samePort = anyPort.toBuilder().port(first.port()).build();

      assertThatThrownBy(() -> Main.start(TestConfigs.isolated(samePort), Clock.systemUTC()))
          .isInstanceOf(IOException.class);
    }
  }
}
