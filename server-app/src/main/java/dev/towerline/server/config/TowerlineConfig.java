package dev.towerline.server.config;

import dev.towerline.server.adb.AdbConfig;
import dev.towerline.server.audit.AuditConfig;
import dev.towerline.server.auth.AuthConfig;
import dev.towerline.server.edge.EdgeConfig;
import dev.towerline.server.executions.ExecutionConfig;
import dev.towerline.server.feed.FeedConfig;
import dev.towerline.server.policy.CommandPolicyConfig;
import dev.towerline.server.store.DatabaseConfig;
import java.util.Map;

/**
 * Everything the server is configured with, read from environment variables in one place; the
 * reference is {@code docs/guides/configuration.md}.
 */
public record TowerlineConfig(
    ServerConfig server,
    DatabaseConfig database,
    AdbConfig adb,
    ExecutionConfig executions,
    FeedConfig feeds,
    EdgeConfig edge,
    AuthConfig auth,
    AuditConfig audit,
    CommandPolicyConfig commands) {

  /**
   * With the default edge settings (Host and Origin checks, CORS, rate limits), no tokens
   * (loopback only), the default audit retention and command policy.
   */
  public TowerlineConfig(
      ServerConfig server, DatabaseConfig database, AdbConfig adb, ExecutionConfig executions, FeedConfig feeds) {
    this(server, database, adb, executions, feeds, EdgeConfig.ofDefaults(), AuthConfig.ofDefaults(),
        AuditConfig.ofDefaults(), CommandPolicyConfig.ofDefaults());
  }

  /** With the default feed settings. */
  public TowerlineConfig(ServerConfig server, DatabaseConfig database, AdbConfig adb, ExecutionConfig executions) {
    this(server, database, adb, executions, FeedConfig.ofDefaults());
  }

  /** With the default execution settings. */
  public TowerlineConfig(ServerConfig server, DatabaseConfig database, AdbConfig adb) {
    this(server, database, adb, ExecutionConfig.ofDefaults());
  }

  public static TowerlineConfig ofDefaults() {
    return new TowerlineConfig(
        ServerConfig.ofDefaults(), DatabaseConfig.ofDefaults(), AdbConfig.ofDefaults(), ExecutionConfig.ofDefaults());
  }

  public TowerlineConfig withExecutions(ExecutionConfig newExecutions) {
    return new TowerlineConfig(server, database, adb, newExecutions, feeds, edge, auth, audit, commands);
  }

  public TowerlineConfig withDatabase(DatabaseConfig newDatabase) {
    return new TowerlineConfig(server, newDatabase, adb, executions, feeds, edge, auth, audit, commands);
  }

  public TowerlineConfig withFeeds(FeedConfig newFeeds) {
    return new TowerlineConfig(server, database, adb, executions, newFeeds, edge, auth, audit, commands);
  }

  public TowerlineConfig withEdge(EdgeConfig newEdge) {
    return new TowerlineConfig(server, database, adb, executions, feeds, newEdge, auth, audit, commands);
  }

  public TowerlineConfig withAuth(AuthConfig newAuth) {
    return new TowerlineConfig(server, database, adb, executions, feeds, edge, newAuth, audit, commands);
  }

  public TowerlineConfig withAudit(AuditConfig newAudit) {
    return new TowerlineConfig(server, database, adb, executions, feeds, edge, auth, newAudit, commands);
  }

  public TowerlineConfig withCommands(CommandPolicyConfig newCommands) {
    return new TowerlineConfig(server, database, adb, executions, feeds, edge, auth, audit, newCommands);
  }

  /**
   * @throws IllegalArgumentException naming the first invalid variable and its value
   */
  public static TowerlineConfig fromEnvironment(Map<String, String> environment) {
    return new TowerlineConfig(
        ServerConfig.fromEnvironment(environment),
        DatabaseConfig.fromEnvironment(environment),
        AdbConfig.fromEnvironment(environment),
        ExecutionConfig.fromEnvironment(environment),
        FeedConfig.fromEnvironment(environment),
        EdgeConfig.fromEnvironment(environment),
        AuthConfig.fromEnvironment(environment),
        AuditConfig.fromEnvironment(environment),
        CommandPolicyConfig.fromEnvironment(environment));
  }
}
