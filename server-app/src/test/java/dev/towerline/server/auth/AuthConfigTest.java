package dev.towerline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthConfigTest {
  @Test
  void noSettingsMeansLoopbackOnlyWithoutAnonymousEndpoints() {
    AuthConfig config = AuthConfig.fromEnvironment(Map.of());
    assertThat(config.mode()).isEqualTo(AuthMode.LOOPBACK_ONLY);
    assertThat(config.anonymousEndpoints()).isEmpty();
    assertThat(config.reloadInterval()).isEqualTo(Duration.ofMillis(AuthConfig.DEFAULT_RELOAD_MS));
  }

  @Test
  void environmentValuesAreRead() {
    AuthConfig config =
        AuthConfig.fromEnvironment(
            Map.of("TOKENS_FILE", "/etc/towerline/tokens", "ANONYMOUS_ENDPOINTS", "metrics, health_full,docs", "TOKENS_RELOAD_MS", "500"));
    assertThat(config.tokensFile()).contains(Path.of("/etc/towerline/tokens"));
    assertThat(config.mode()).isEqualTo(AuthMode.TOKENS);
    assertThat(config.anonymousEndpoints()).containsExactlyInAnyOrder(AnonymousEndpoint.values());
    assertThat(config.reloadInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(AuthConfig.fromEnvironment(Map.of("AUTH_DISABLED", "true")).mode()).isEqualTo(AuthMode.DISABLED);
  }

  @Test
  void invalidValuesNameTheVariableAndTheValue() {
    assertThatThrownBy(() -> AuthConfig.fromEnvironment(Map.of("AUTH_DISABLED", "yes"))).hasMessage("AUTH_DISABLED must be true or false: yes");
    assertThatThrownBy(() -> AuthConfig.fromEnvironment(Map.of("ANONYMOUS_ENDPOINTS", "metrics,devices")))
        .hasMessage("ANONYMOUS_ENDPOINTS may list metrics, health_full, docs: metrics,devices");
    assertThatThrownBy(() -> AuthConfig.fromEnvironment(Map.of("TOKENS_RELOAD_MS", "10"))).hasMessage("TOKENS_RELOAD_MS must be 50..60000 ms: 10");
    assertThatThrownBy(() -> AuthConfig.fromEnvironment(Map.of("AUTH_DISABLED", "true", "TOKENS_FILE", "/t")))
        .hasMessageContaining("AUTH_DISABLED=true contradicts TOKENS_FILE");
  }

  @Test
  void loopbackIsRecognisedByTheAddressesANameResolvesTo() {
    assertThat(Exposure.isLoopback("127.0.0.1")).isTrue();
    assertThat(Exposure.isLoopback("localhost")).isTrue();
    assertThat(Exposure.isLoopback("::1")).isTrue();
    assertThat(Exposure.isLoopback("0.0.0.0")).isFalse();
    assertThat(Exposure.isLoopback("::")).isFalse();
  }
}
