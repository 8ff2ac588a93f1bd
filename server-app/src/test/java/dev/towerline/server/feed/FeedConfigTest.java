package dev.towerline.server.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedConfigTest {

  @Test
  void defaultsApplyWhenNothingIsSet() {
    FeedConfig config = FeedConfig.fromEnvironment(Map.of());

    assertThat(config.heartbeat()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.maxConnections()).isEqualTo(6000);
    assertThat(config.retentionEvents()).isEqualTo(100_000);
    assertThat(config.retentionAge()).isEqualTo(Duration.ofHours(24));
    assertThat(config.statsInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.closeTimeout()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void environmentValuesAreRead() {
    FeedConfig config =
        FeedConfig.fromEnvironment(
            Map.of(
                "WS_HEARTBEAT_SECONDS", "10",
                "WS_MAX_CONNECTIONS", "20",
                "FEED_RETENTION_EVENTS", "500",
                "FEED_RETENTION_HOURS", "2",
                "WS_CLOSE_TIMEOUT_MS", "0"));

    assertThat(config.heartbeat()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.maxConnections()).isEqualTo(20);
    assertThat(config.retentionEvents()).isEqualTo(500);
    assertThat(config.retentionAge()).isEqualTo(Duration.ofHours(2));
    assertThat(config.closeTimeout()).isZero();
  }

  @Test
  void invalidValuesAreRefusedNamingTheVariableAndValue() {
    assertThatThrownBy(() -> FeedConfig.fromEnvironment(Map.of("WS_HEARTBEAT_SECONDS", "0")))
        .hasMessageContaining("WS_HEARTBEAT_SECONDS")
        .hasMessageContaining("0");
    assertThatThrownBy(() -> FeedConfig.fromEnvironment(Map.of("WS_MAX_CONNECTIONS", "lots")))
        .hasMessageContaining("WS_MAX_CONNECTIONS")
        .hasMessageContaining("lots");
    assertThatThrownBy(() -> FeedConfig.fromEnvironment(Map.of("FEED_RETENTION_EVENTS", "-1")))
        .hasMessageContaining("FEED_RETENTION_EVENTS")
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> FeedConfig.fromEnvironment(Map.of("FEED_RETENTION_HOURS", "9000")))
        .hasMessageContaining("FEED_RETENTION_HOURS")
        .hasMessageContaining("9000");
    assertThatThrownBy(() -> FeedConfig.fromEnvironment(Map.of("WS_CLOSE_TIMEOUT_MS", "30001")))
        .hasMessageContaining("WS_CLOSE_TIMEOUT_MS")
        .hasMessageContaining("30001");
  }
}
