package dev.towerline.server.executions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecutionConfigTest {
  @Test
  void readsEveryVariableAndKeepsDefaultsForTheRest() {
    ExecutionConfig config =
        ExecutionConfig.fromEnvironment(Map.of("EXECUTION_PARALLELISM", "3", "EXECUTION_QUEUE_LIMIT", " 7 ", "EXECUTION_OUTPUT_LIMIT_BYTES", ""));

    assertThat(config.parallelism()).isEqualTo(3);
    assertThat(config.queueLimit()).isEqualTo(7);
    assertThat(config.outputLimitBytes()).isEqualTo(ExecutionConfig.DEFAULT_OUTPUT_LIMIT_BYTES);
    assertThat(config.idempotencyRetention()).isEqualTo(ExecutionConfig.DEFAULT_IDEMPOTENCY_RETENTION);
    assertThat(config.toBuilder().build().toString()).isEqualTo(config.toString());
  }

  @Test
  void namesTheVariableAndValueItRefuses() {
    assertThatThrownBy(() -> ExecutionConfig.fromEnvironment(Map.of("EXECUTION_PARALLELISM", "0")))
        .hasMessage("EXECUTION_PARALLELISM must be 1..1024: 0");
    assertThatThrownBy(() -> ExecutionConfig.fromEnvironment(Map.of("EXECUTION_QUEUE_LIMIT", "many")))
        .hasMessage("EXECUTION_QUEUE_LIMIT must be a whole number: many");
    assertThatThrownBy(() -> ExecutionConfig.fromEnvironment(Map.of("EXECUTION_OUTPUT_LIMIT_BYTES", "10")))
        .hasMessageContaining("EXECUTION_OUTPUT_LIMIT_BYTES");
  }
}
