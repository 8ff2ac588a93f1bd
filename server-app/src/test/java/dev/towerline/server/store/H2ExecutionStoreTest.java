package dev.towerline.server.store;

import dev.towerline.server.testing.TestConfigs;
import org.junit.jupiter.api.BeforeAll;

/** The store on embedded H2 in PostgreSQL mode (the default database). */
class H2ExecutionStoreTest extends ExecutionStoreContract {
  @BeforeAll
  static void openH2() {
    open(TestConfigs.inMemoryDatabase());
  }
}
