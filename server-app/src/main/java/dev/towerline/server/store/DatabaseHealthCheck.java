package dev.towerline.server.store;

import dev.towerline.server.health.CheckOutcome;
import dev.towerline.server.health.HealthCheck;
import java.sql.Connection;
import java.sql.SQLException;

/** {@code database} in /health/full: a pooled connection that answers a validity check. */
public final class DatabaseHealthCheck implements HealthCheck {
  private static final int VALIDITY_SECONDS = 1;

  private final Database database;

  public DatabaseHealthCheck(Database database) {
    this.database = database;
  }

  @Override
  public String name() {
    return "database";
  }

  @Override
  public CheckOutcome run() {
    String where = database.config().displayUrl();
    try (Connection connection = database.dataSource().getConnection()) {
      if (!connection.isValid(VALIDITY_SECONDS)) {
        return CheckOutcome.fail("Database " + where + " did not answer within " + VALIDITY_SECONDS + " s");
      }
      var meta = connection.getMetaData();
      return CheckOutcome.pass(meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion().split(" ")[0] + " answered");
    } catch (SQLException e) {
      return CheckOutcome.fail("Database " + where + " is unavailable: " + e.getMessage());
    }
  }
}
