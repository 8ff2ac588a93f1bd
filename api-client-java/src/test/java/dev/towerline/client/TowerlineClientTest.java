package dev.towerline.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TowerlineClientTest {

  @Test
  void refusesInvalidSettingsNamingTheValue() {
    TowerlineClient.Builder builder = TowerlineClient.builder();
    assertThatThrownBy(() -> builder.baseUrl("ftp://lab/"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ftp://lab/");
    assertThatThrownBy(() -> builder.baseUrl("http://lab/?x=1")).hasMessageContaining("http://lab/?x=1");
    assertThatThrownBy(() -> builder.connectTimeout(Duration.ofSeconds(-3)))
        .hasMessage("connectTimeout must be positive: PT-3S");
    assertThatThrownBy(() -> builder.readTimeout(Duration.ZERO)).hasMessage("readTimeout must be positive: PT0S");
    assertThatThrownBy(() -> builder.userAgent("bad\nagent")).hasMessageContaining("userAgent");
    assertThatThrownBy(() -> builder.bearerToken("has space"))
        .hasMessageContaining("bearerToken").hasMessageNotContaining("has space");
    assertThatThrownBy(() -> RetryPolicy.custom().maxAttempts(0)).hasMessage("maxAttempts must be >= 1: 0");
    assertThatThrownBy(() -> RetryPolicy.custom().initialBackoff(Duration.ofSeconds(2)).maxBackoff(Duration.ofSeconds(1)).build())
        .hasMessage("maxBackoff must be >= initialBackoff (PT2S): PT1S");
    assertThatThrownBy(() -> TowerlineClient.builder().build()).hasMessage("baseUrl is required");
  }

  @Test
  void appliesNamedDefaultsAndNormalisesTheBaseUrl() {
    try (TowerlineClient client = TowerlineClient.builder().baseUrl("http://127.0.0.1:9/lab").build()) {
      assertThat(client.baseUrl()).hasToString("http://127.0.0.1:9/lab/");
      assertThat(client.connectTimeout()).isEqualTo(Duration.ofSeconds(TowerlineClient.DEFAULT_CONNECT_TIMEOUT_SECONDS));
      assertThat(client.readTimeout()).isEqualTo(Duration.ofSeconds(TowerlineClient.DEFAULT_READ_TIMEOUT_SECONDS));
      assertThat(client.retryPolicy()).isSameAs(RetryPolicy.ofDefaults());
      assertThat(client.bearerToken()).isEmpty();
      assertThat(client.http().version()).isEqualTo(java.net.http.HttpClient.Version.HTTP_1_1);
      assertThat(client.http().connectTimeout()).contains(client.connectTimeout());
    }
  }

  @Test
  void backoffCeilingDoublesUpToTheMaximum() {
    RetryPolicy policy = RetryPolicy.custom().initialBackoff(Duration.ofMillis(100)).maxBackoff(Duration.ofMillis(350)).build();
    assertThat(policy.backoffCeiling(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(policy.backoffCeiling(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(policy.backoffCeiling(3)).isEqualTo(Duration.ofMillis(350));
    assertThat(policy.backoffCeiling(64)).isEqualTo(Duration.ofMillis(350));
  }
}
