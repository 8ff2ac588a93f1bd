package dev.towerline.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.server.config.ServerConfig;
import dev.towerline.server.contract.PublishedContract;
import dev.towerline.server.contract.ErrorCodeCatalog;
import dev.towerline.server.feed.FeedEndpoints;
import dev.towerline.server.health.DependencyHealth;
import dev.towerline.server.health.HealthService;
import dev.towerline.server.http.ApiServices;
import dev.towerline.server.http.DeprecationHeaders;
import dev.towerline.spec.ContractDocuments;
import java.util.List;
import dev.towerline.server.http.RestApplication;
import dev.towerline.server.http.error.ErrorResponses;
import dev.towerline.server.http.grizzly.JsonErrorPageGenerator;
import dev.towerline.server.json.JsonMappers;
import dev.towerline.server.metrics.MetricsRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.function.Consumer;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Starts Towerline: reads the configuration from the environment, wires every part by hand
 * (constructor injection, no container beyond what Jersey needs), serves until the JVM is asked
 * to stop, then stops within the configured shutdown timeout.
 */
public final class Main {

  private static final Logger log = LoggerFactory.getLogger(Main.class);

  private static final int EXIT_START_FAILED = 1;
  private static final int EXIT_BAD_CONFIGURATION = 2;

  private Main() {}

  public static void main(String[] args) {
    routeJulToSlf4j();
    ServerConfig config;
    try {
      config = ServerConfig.fromEnvironment(System.getenv());
    } catch (IllegalArgumentException e) {
      log.error("Invalid configuration: {}", e.getMessage());
      System.exit(EXIT_BAD_CONFIGURATION);
      return;
    }
    TowerlineServer server;
    try {
      server = start(config, Clock.systemUTC());
    } catch (IOException | RuntimeException e) {
      log.error("Towerline server could not start on {}:{}", config.bindAddress(), config.port(), e);
      System.exit(EXIT_START_FAILED);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "towerline-shutdown"));
    server.awaitStop();
  }

  /** Wires and starts the server; tests use this with port 0. */
  public static TowerlineServer start(ServerConfig config, Clock clock) throws IOException {
    return start(config, clock, rest -> {});
  }

  /**
   * Wires and starts the server, letting {@code extensions} add components to the REST
   * application before it starts (tests register test-only resources this way).
   */
  public static TowerlineServer start(
      ServerConfig config, Clock clock, Consumer<ResourceConfig> extensions) throws IOException {
    routeJulToSlf4j();
    ObjectMapper json = JsonMappers.create();
    PublishedContract contract = PublishedContract.fromClasspath(Main.class.getClassLoader());
    ErrorResponses errors = new ErrorResponses(ErrorCodeCatalog.fromContract(contract));
    HealthService health = new HealthService(contract.apiVersion(), clock);

    PrometheusMeterRegistry metrics = MetricsRegistry.create();
    DependencyHealth dependencies = new DependencyHealth(List.of(), DependencyHealth.DEFAULT_BUDGET, clock);
    DeprecationHeaders deprecations = DeprecationHeaders.fromOpenApi(ContractDocuments.bundled().openApi());

    RestApplication rest =
        new RestApplication(
            new ApiServices(
                json, contract, errors, health, dependencies, deprecations, metrics, config.maxRequestBytes()));
    extensions.accept(rest);
    TowerlineServer server =
        TowerlineServer.start(
            config,
            rest,
            FeedEndpoints.unavailable(json, clock),
            new JsonErrorPageGenerator(errors, json));
    log.info(
        "Towerline server (API {}) listening on {} for REST and WebSocket; JVM up {} ms",
        contract.apiVersion(),
        server.baseUri(),
        ManagementFactory.getRuntimeMXBean().getUptime());
    return server;
  }

  // Jersey, Grizzly and Tyrus log through java.util.logging.
  private static synchronized void routeJulToSlf4j() {
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
  }
}
