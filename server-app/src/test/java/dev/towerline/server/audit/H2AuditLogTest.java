package dev.towerline.server.audit;

import dev.towerline.server.testing.TestConfigs;
import org.junit.jupiter.api.BeforeAll;

/** The audit log on embedded H2 in PostgreSQL mode (the default database). */
class H2AuditLogTest extends AuditLogContract {
  @BeforeAll
  static void openH2() {
    open(TestConfigs.inMemoryDatabase());
  }
}
