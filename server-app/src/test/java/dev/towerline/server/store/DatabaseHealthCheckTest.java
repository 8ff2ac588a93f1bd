package dev.towerline.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.server.health.CheckOutcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DatabaseHealthCheckTest {
  /** The machine's PostgreSQL (trust auth), as CI starts it. */
  static final String LOCAL_POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";

  @Test
  void embeddedH2Passes() {
    try (Database db = open(DatabaseConfig.custom().url("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL").build())) {
      CheckOutcome outcome = new DatabaseHealthCheck(db).run();

      assertThat(outcome.passed()).isTrue();
      assertThat(outcome.message()).startsWith("H2 ").endsWith(" answered");
    }
  }

  @Test
  void localPostgresPasses() {
    try (Database db = open(DatabaseConfig.custom().url(LOCAL_POSTGRES).user("postgres").build())) {
      CheckOutcome outcome = new DatabaseHealthCheck(db).run();

      assertThat(outcome.passed()).as(outcome.message()).isTrue();
      assertThat(outcome.message()).startsWith("PostgreSQL ");
    }
  }

  @Test
  void unreachableDatabaseFailsWithinItsTimeoutNamingIt() {
    DatabaseConfig nowhere =
        DatabaseConfig.custom().url("jdbc:postgresql://127.0.0.1:1/test").timeout(Duration.ofMillis(500)).build();
    try (Database db = open(nowhere)) {
      CheckOutcome outcome = new DatabaseHealthCheck(db).run();

      assertThat(outcome.passed()).isFalse();
      assertThat(outcome.message()).startsWith("Database jdbc:postgresql://127.0.0.1:1/test is unavailable");
    }
  }

  @Test
  void defaultIsAnEmbeddedFileDatabaseInTheDataFolder() {
    DatabaseConfig config = DatabaseConfig.ofDefaults();

    assertThat(config.url()).startsWith("jdbc:h2:file:").contains("/data/towerline;MODE=PostgreSQL");
    assertThat(config.displayUrl()).doesNotContain(";");
    assertThat(config.isPostgres()).isFalse();
  }

  private static Database open(DatabaseConfig config) {
    return Database.open(config, new SimpleMeterRegistry());
  }
}
