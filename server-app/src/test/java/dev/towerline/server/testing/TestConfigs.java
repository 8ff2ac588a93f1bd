package dev.towerline.server.testing;

import dev.towerline.server.adb.AdbConfig;
import dev.towerline.server.config.ServerConfig;
import dev.towerline.server.config.TowerlineConfig;
import dev.towerline.server.executions.ExecutionConfig;
import dev.towerline.server.store.DatabaseConfig;
import java.time.Duration;
import java.util.UUID;

/** Configurations that keep each test server to itself: its own in-memory database and ADB. */
public final class TestConfigs {
  /** Virtual devices of the simulator a test server gets when the test does not bring its own. */
  public static final int DEFAULT_DEVICES = 4;

  private TestConfigs() {}

  /** Port 0, a private in-memory H2 and an in-process ADB simulator with a few devices. */
  public static TowerlineConfig isolated() {
    return isolated(ServerConfig.custom().port(0).shutdownTimeout(Duration.ofSeconds(2)).build());
  }

  public static TowerlineConfig isolated(ServerConfig server) {
    return new TowerlineConfig(server, inMemoryDatabase(), AdbConfig.custom().simulator(DEFAULT_DEVICES).build());
  }

  /** Like {@link #isolated()}, but talking to a simulator the test controls. */
  public static TowerlineConfig withAdbAt(int adbPort, AdbConfig.Builder adb) {
    return new TowerlineConfig(
        ServerConfig.custom().port(0).shutdownTimeout(Duration.ofSeconds(2)).build(),
        inMemoryDatabase(),
        adb.adbServer("127.0.0.1", adbPort).build());
  }

  /** Output flushed often and cancels bounded short, so tests see output and answers quickly. */
  public static ExecutionConfig.Builder fastExecutions(ExecutionConfig.Builder executions) {
    return executions.outputFlush(Duration.ofMillis(50)).cancelWait(Duration.ofSeconds(3));
  }

  public static DatabaseConfig inMemoryDatabase() {
    return DatabaseConfig.custom().url("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1").build();
  }
}
