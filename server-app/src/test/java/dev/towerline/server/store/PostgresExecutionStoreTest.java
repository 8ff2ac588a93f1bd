package dev.towerline.server.store;

import dev.towerline.server.testing.PostgresSchemas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store on the machine's PostgreSQL, in a schema of its own. */
class PostgresExecutionStoreTest extends ExecutionStoreContract {
  private static PostgresSchemas schema;

  @BeforeAll
  static void openPostgres() {
    schema = PostgresSchemas.create();
    open(schema.config());
  }

  @AfterAll
  static void dropSchema() {
    closeDatabase();
    schema.close();
  }
}
