package dev.towerline.server.edge.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.towerline.server.auth.Role;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How quotas are written in the environment, and what the IETF headers say about one. */
class RateLimitSettingsTest {

  @Test
  void readsRequestsPerWindowInSecondsMinutesOrHours() {
    assertThat(RateLimit.parse("X", "600/60s")).contains(new RateLimit(600, Duration.ofSeconds(60)));
    assertThat(RateLimit.parse("X", " 100/1M ")).contains(new RateLimit(100, Duration.ofMinutes(1)));
    assertThat(RateLimit.parse("X", "5000/1h")).contains(new RateLimit(5000, Duration.ofHours(1)));
    assertThat(RateLimit.parse("X", "OFF")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"600", "600/60", "0/60s", "-1/60s", "600/0s", "10/25h", "ten/60s", "600 / 60s", "600/60d"})
  void refusesAnythingElseNamingTheVariable(String text) {
    assertThatThrownBy(() -> RateLimit.parse("RATE_LIMIT_VIEWER", text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("RATE_LIMIT_VIEWER must be <requests>/<window>")
        .hasMessageEndingWith(": " + text);
  }

  @Test
  void readsEveryQuotaFromTheEnvironment() {
    RateLimitConfig config =
        RateLimitConfig.fromEnvironment(
            Map.of(
                "RATE_LIMIT_VIEWER", "10/1s",
                "RATE_LIMIT_OPERATOR", "off",
                "RATE_LIMIT_ANONYMOUS", "5/1m",
                "RATE_LIMIT_WS_CONNECT", "3/10s",
                "RATE_LIMIT_WS_FRAMES", "50/1m",
                "RATE_LIMIT_EXEMPT_LOOPBACK", "false"));

    assertThat(config.perRole(Role.VIEWER)).contains(new RateLimit(10, Duration.ofSeconds(1)));
    assertThat(config.perRole(Role.OPERATOR)).isEmpty();
    assertThat(config.perRole(Role.ADMIN)).contains(new RateLimit(1200, Duration.ofSeconds(60)));
    assertThat(config.anonymous()).contains(new RateLimit(5, Duration.ofMinutes(1)));
    assertThat(config.webSocketConnects()).contains(new RateLimit(3, Duration.ofSeconds(10)));
    assertThat(config.webSocketFrames()).contains(new RateLimit(50, Duration.ofMinutes(1)));
    assertThat(config.exemptLoopback()).isFalse();
  }

  @Test
  void defaultsAreDocumentedValues() {
    RateLimitConfig defaults = RateLimitConfig.fromEnvironment(Map.of());

    for (Role role : Role.values()) {
      assertThat(defaults.perRole(role)).contains(new RateLimit(1200, Duration.ofSeconds(60)));
    }
    assertThat(defaults.anonymous()).contains(new RateLimit(600, Duration.ofSeconds(60)));
    assertThat(defaults.webSocketConnects()).contains(new RateLimit(60, Duration.ofSeconds(60)));
    assertThat(defaults.webSocketFrames()).contains(new RateLimit(120, Duration.ofSeconds(60)));
    assertThat(defaults.exemptLoopback()).isTrue();
  }

  @Test
  void refusesAnExemptionThatIsNotABoolean() {
    assertThatThrownBy(() -> RateLimitConfig.fromEnvironment(Map.of("RATE_LIMIT_EXEMPT_LOOPBACK", "yes")))
        .hasMessage("RATE_LIMIT_EXEMPT_LOOPBACK must be true or false: yes");
  }

  @Test
  void writesTheIetfFields() {
    RateLimit limit = new RateLimit(600, Duration.ofSeconds(60));
    Quota granted = new Quota("viewer", limit, true, 599, Duration.ZERO, Duration.ofMillis(100));
    Quota refused = new Quota("viewer", limit, false, 0, Duration.ofMillis(2_500), Duration.ofSeconds(60));

    assertThat(granted.rateLimitHeader()).isEqualTo("\"viewer\";r=599;t=1");
    assertThat(granted.policyHeader()).isEqualTo("\"viewer\";q=600;w=60");
    assertThat(refused.rateLimitHeader()).isEqualTo("\"viewer\";r=0;t=3");
    assertThat(refused.retryAfterSeconds()).isEqualTo(3);
    assertThat(Optional.of(refused).map(Quota::granted)).contains(false);
  }
}
