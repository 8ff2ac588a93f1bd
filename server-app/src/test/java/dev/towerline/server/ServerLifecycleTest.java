package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.towerline.server.config.ServerConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServerLifecycleTest {

  @Test
  void stopReleasesThePortAndIsIdempotent() throws IOException {
    ServerConfig config = ServerConfig.custom().port(0).shutdownTimeout(Duration.ofSeconds(2)).build();
    TowerlineServer server = Main.start(config, Clock.systemUTC());
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
    try (TowerlineServer first = Main.start(anyPort, Clock.systemUTC())) {
      ServerConfig samePort = anyPort.toBuilder().port(first.port()).build();

      assertThatThrownBy(() -> Main.start(samePort, Clock.systemUTC()))
          .isInstanceOf(IOException.class);
    }
  }
}
