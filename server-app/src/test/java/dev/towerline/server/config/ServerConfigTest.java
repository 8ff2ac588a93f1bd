package dev.towerline.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServerConfigTest {

  @Test
  void defaultsListenOnLoopbackPort8080() {
    ServerConfig config = ServerConfig.ofDefaults();

    assertThat(config.port()).isEqualTo(8080).isEqualTo(ServerConfig.DEFAULT_PORT);
    assertThat(config.bindAddress()).isEqualTo("127.0.0.1");
    assertThat(config.shutdownTimeout()).isEqualTo(ServerConfig.DEFAULT_SHUTDOWN_TIMEOUT);
  }

  @Test
  void emptyEnvironmentGivesDefaults() {
    assertThat(ServerConfig.fromEnvironment(Map.of())).isEqualTo(ServerConfig.ofDefaults());
  }

  @Test
  void readsPortAndBindAddressFromEnvironment() {
    ServerConfig config =
        ServerConfig.fromEnvironment(Map.of("PORT", "9090", "BIND_ADDRESS", "0.0.0.0"));

    assertThat(config.port()).isEqualTo(9090);
    assertThat(config.bindAddress()).isEqualTo("0.0.0.0");
  }

  @Test
  void blankVariablesKeepTheirDefaults() {
    ServerConfig config = ServerConfig.fromEnvironment(Map.of("PORT", " ", "BIND_ADDRESS", ""));

    assertThat(config).isEqualTo(ServerConfig.ofDefaults());
  }

  @Test
  void portZeroMeansAnyFreePort() {
    assertThat(ServerConfig.fromEnvironment(Map.of("PORT", "0")).port()).isZero();
  }

  @Test
  void acceptsHostNamesAndIpv6Literals() {
    assertThat(ServerConfig.fromEnvironment(Map.of("BIND_ADDRESS", "localhost")).bindAddress())
        .isEqualTo("localhost");
    assertThat(ServerConfig.fromEnvironment(Map.of("BIND_ADDRESS", "[::1]")).bindAddress())
        .isEqualTo("::1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "-1", "65536", "8080x", "99999999999"})
  void invalidPortIsNamedInTheMessage(String port) {
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("PORT", port)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PORT must be 0..65535: " + port);
  }

  @ParameterizedTest
  @ValueSource(strings = {"local host", "http://127.0.0.1", "10.0.0.1/8"})
  void invalidBindAddressIsNamedInTheMessage(String address) {
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("BIND_ADDRESS", address)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("BIND_ADDRESS must be a host name or an IP address: " + address);
  }

  @Test
  void builderValidatesAndToBuilderRoundTrips() {
    ServerConfig config =
        ServerConfig.custom()
            .port(0)
            .bindAddress("::1")
            .shutdownTimeout(Duration.ofSeconds(3))
            .build();

    assertThat(config.toBuilder().build()).isEqualTo(config);
    assertThatThrownBy(() -> ServerConfig.custom().port(70000))
        .hasMessage("PORT must be 0..65535: 70000");
    assertThatThrownBy(() -> ServerConfig.custom().shutdownTimeout(Duration.ZERO))
        .hasMessage("shutdownTimeout must be positive: PT0S");
  }

  @Test
  void readsRequestBodyLimitAndNamesABadOne() {
    assertThat(ServerConfig.fromEnvironment(Map.of("MAX_REQUEST_BYTES", "131072")).maxRequestBytes()).isEqualTo(131_072);
    assertThat(ServerConfig.ofDefaults().maxRequestBytes()).isEqualTo(65_536);
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("MAX_REQUEST_BYTES", "lots")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("MAX_REQUEST_BYTES must be 1024..16777216: lots");
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("MAX_REQUEST_BYTES", "10")))
        .hasMessage("MAX_REQUEST_BYTES must be 1024..16777216: 10");
  }

  @Test
  void requestReadTimeoutDefaultsToTenSecondsAndIsReadInMilliseconds() {
    assertThat(ServerConfig.ofDefaults().requestReadTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(ServerConfig.fromEnvironment(Map.of("REQUEST_READ_TIMEOUT_MS", "2500")).requestReadTimeout())
        .isEqualTo(Duration.ofMillis(2500));
  }

  @Test
  void writeAndReadThreadsDefaultToSixteenEachAndAreReadFromTheEnvironment() {
    assertThat(ServerConfig.ofDefaults().writeThreads()).isEqualTo(16);
    assertThat(ServerConfig.ofDefaults().readThreads()).isEqualTo(16);
    ServerConfig configured = ServerConfig.fromEnvironment(Map.of("WRITE_THREADS", "40", "READ_THREADS", "3"));
    assertThat(configured.writeThreads()).isEqualTo(40);
    assertThat(configured.readThreads()).isEqualTo(3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "0", "1025", "-3"})
  void invalidThreadCountsAreNamedInTheMessage(String threads) {
    for (String variable : new String[] {"WRITE_THREADS", "READ_THREADS"}) {
      assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of(variable, threads)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(variable + " must be 1..1024: " + threads);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "99", "300001", "1.5"})
  void invalidRequestReadTimeoutIsNamedInTheMessage(String millis) {
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("REQUEST_READ_TIMEOUT_MS", millis)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("REQUEST_READ_TIMEOUT_MS")
        .hasMessageContaining(millis);
  }
}
