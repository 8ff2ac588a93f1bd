package dev.towerline.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Embedded H2 files are opened so that every commit is in the file before it returns. */
class DatabaseConfigTest {

  @Test
  void theDefaultEmbeddedDatabaseWritesEveryCommitToItsFile() {
    assertThat(DatabaseConfig.fromEnvironment(Map.of("DATA_DIR", "/srv/towerline")).url())
        .startsWith("jdbc:h2:file:/srv/towerline/towerline;")
        .endsWith(";WRITE_DELAY=0");
  }

  @Test
  void aUserSuppliedEmbeddedFileUrlWritesEveryCommitUnlessItChoosesItsOwnDelay() {
    assertThat(DatabaseConfig.fromEnvironment(Map.of("DATABASE_URL", "jdbc:h2:file:/srv/db;MODE=PostgreSQL")).url())
        .isEqualTo("jdbc:h2:file:/srv/db;MODE=PostgreSQL;WRITE_DELAY=0");
    assertThat(DatabaseConfig.fromEnvironment(Map.of("DATABASE_URL", "jdbc:h2:./data/db")).url())
        .isEqualTo("jdbc:h2:./data/db;WRITE_DELAY=0");
    assertThat(DatabaseConfig.fromEnvironment(Map.of("DATABASE_URL", "jdbc:h2:file:/srv/db;write_delay=500")).url())
        .isEqualTo("jdbc:h2:file:/srv/db;write_delay=500");
  }

  @Test
  void inMemoryServerAndPostgresUrlsAreLeftAsGiven() {
    for (String url :
        new String[] {"jdbc:h2:mem:test;DB_CLOSE_DELAY=-1", "jdbc:h2:tcp://db:9092/towerline", "jdbc:postgresql://db:5432/towerline"}) {
      assertThat(DatabaseConfig.fromEnvironment(Map.of("DATABASE_URL", url)).url()).isEqualTo(url);
    }
  }
}
