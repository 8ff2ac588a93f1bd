package dev.towerline.server.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.towerline.server.edge.host.HostName;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The edge settings as read from the environment. */
class EdgeConfigTest {

  @Test
  void readsHostsOriginsCorsAndTheBaseUrl() {
    EdgeConfig config =
        EdgeConfig.fromEnvironment(
            Map.of(
                "ALLOWED_HOSTS", "lab.example.com, *.corp.example",
                "ALLOWED_ORIGINS", "https://dash.example",
                "CORS_ALLOWED_ORIGINS", "http://localhost:5173",
                "CORS_MAX_AGE_SECONDS", "60",
                "PUBLIC_BASE_URL", "https://towerline.example/"));

    assertThat(config.allowedHosts()).containsExactly("lab.example.com", "*.corp.example");
    assertThat(config.publicBaseUrl().orElseThrow()).hasToString("https://towerline.example");
    assertThat(config.hostPolicy("0.0.0.0").allows(HostName.parse("towerline.example").orElseThrow())).isTrue();
    assertThat(config.originPolicy().refusal("http://localhost:5173", "127.0.0.1:8080")).isEmpty();
    assertThat(config.originPolicy().refusal("https://dash.example", "127.0.0.1:8080")).isEmpty();
    assertThat(config.originPolicy().refusal("https://other.example", "127.0.0.1:8080")).isPresent();
    assertThat(config.cors().maxAge().getSeconds()).isEqualTo(60);
  }

  @Test
  void refusesABaseUrlThatIsNotAnAbsoluteWebUrl() {
    for (String url : new String[] {"lab.example", "ftp://lab.example", "https://lab.example/?x=1", "https://user@lab.example"}) {
      assertThatThrownBy(() -> EdgeConfig.fromEnvironment(Map.of("PUBLIC_BASE_URL", url)))
          .hasMessageStartingWith("PUBLIC_BASE_URL must be an absolute http(s) URL");
    }
  }

  @Test
  void refusesAMaxAgeOutOfRange() {
    assertThatThrownBy(() -> EdgeConfig.fromEnvironment(Map.of("CORS_MAX_AGE_SECONDS", "86401")))
        .hasMessage("CORS_MAX_AGE_SECONDS must be 0..86400 seconds: 86401");
  }
}
