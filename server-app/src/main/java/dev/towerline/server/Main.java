package dev.towerline.server;

import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.server.audit.AuditLog;
import dev.towerline.server.audit.AuditRetention;
import dev.towerline.server.audit.TokenChangeAudit;
import dev.towerline.server.auth.AuthStartException;
import dev.towerline.server.auth.Authenticator;
import dev.towerline.server.auth.Exposure;
import dev.towerline.server.auth.FeedTickets;
import dev.towerline.server.auth.TokenCommand;
import dev.towerline.server.auth.TokenHandshakeAuthorizer;
import dev.towerline.server.auth.TokenRegistry;
import dev.towerline.server.config.TowerlineConfig;
import dev.towerline.server.feed.FeedConfig;
import dev.towerline.server.devices.AdbRuntime;
import dev.towerline.server.devices.DeviceDirectory;
import dev.towerline.server.devices.DeviceTracker;
import dev.towerline.server.devices.listing.DeviceListing;
import dev.towerline.server.executions.DeviceOccupancy;
import dev.towerline.server.executions.ExecutionService;
import dev.towerline.server.store.HibernateExecutionStore;
import dev.towerline.server.store.Persistence;
import dev.towerline.server.store.Database;
import dev.towerline.server.store.DatabaseHealthCheck;
import dev.towerline.server.store.DatabaseInUseException;
import dev.towerline.server.store.ServerLock;
import dev.towerline.server.contract.PublishedContract;
import dev.towerline.server.contract.ErrorCodeCatalog;
import dev.towerline.server.edge.EdgeConfig;
import dev.towerline.server.edge.EdgeFeature;
import dev.towerline.server.edge.EdgeGuard;
import dev.towerline.server.edge.host.HostPolicy;
import dev.towerline.server.edge.ratelimit.RateLimits;
import dev.towerline.server.feed.FeedConfig;
import dev.towerline.server.feed.FeedService;
import dev.towerline.server.feed.framing.FrameHeaderAddOn;
import dev.towerline.server.feed.intake.ClientFrameIntake;
import dev.towerline.server.feed.log.EventLog;
import dev.towerline.server.health.DependencyHealth;
import dev.towerline.server.health.HealthService;
import dev.towerline.server.http.ApiServices;
import dev.towerline.server.http.DeprecationHeaders;
import dev.towerline.spec.ContractDocuments;
import java.util.List;
import dev.towerline.server.http.RestApplication;
import dev.towerline.server.http.fast.DeviceListFastPath;
import dev.towerline.server.http.fast.LivenessFastPath;
import dev.towerline.server.http.resource.DeviceLists;
import dev.towerline.server.http.error.ErrorResponses;
import dev.towerline.server.http.grizzly.BareErrorEnvelopeAddOn;
import dev.towerline.server.http.grizzly.ClientAddressAddOn;
import dev.towerline.server.http.grizzly.HandshakeGuardAddOn;
import dev.towerline.server.http.grizzly.JsonErrorPageGenerator;
import dev.towerline.server.http.grizzly.RequestGuardAddOn;
import dev.towerline.server.http.grizzly.RequestReadAddOn;
import dev.towerline.server.json.JsonMappers;
import dev.towerline.server.metrics.MetricsRegistry;
import dev.towerline.server.policy.CommandPolicy;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
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
  private static final int EXIT_DATABASE_IN_USE = 3;
  /** Under the runner's budget, so the probe's own message wins over "no answer". */
  private static final Duration ADB_CHECK_BUDGET = Duration.ofMillis(1400);

  private Main() {}

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals(TokenCommand.NAME)) {
      System.exit(TokenCommand.run(List.of(args).subList(1, args.length), System.out, System.err));
      return;
    }
    routeJulToSlf4j();
    HeapErgonomics.ofThisJvm().apply();
    TowerlineConfig config;
    try {
      config = TowerlineConfig.fromEnvironment(System.getenv());
    } catch (IllegalArgumentException e) {
      log.error("Invalid configuration: {}", e.getMessage());
      stopLogging();
      System.exit(EXIT_BAD_CONFIGURATION);
      return;
    }
    TowerlineServer server;
    try {
      server = start(config, Clock.systemUTC());
    } catch (AuthStartException e) {
      log.error("Towerline server will not start: {}", e.getMessage());
      stopLogging();
      System.exit(EXIT_BAD_CONFIGURATION);
      return;
    } catch (DatabaseInUseException e) {
      log.error("Towerline server could not start: {}", e.getMessage());
      stopLogging();
      System.exit(EXIT_DATABASE_IN_USE);
      return;
    } catch (IOException | RuntimeException e) {
      log.error(
          "Towerline server could not start on {}:{}", config.server().bindAddress(), config.server().port(), e);
      stopLogging();
      System.exit(EXIT_START_FAILED);
      return;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.stop();
                  stopLogging();
                },
                "towerline-shutdown"));
    server.awaitStop();
  }

  /**
   * Writes out the log lines still queued and stops logging. Logback's own shutdown hook would
   * run concurrently with ours and drop the lines of the stop itself, so this runs last instead.
   */
  private static void stopLogging() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
      logging.stop();
    }
  }

  /** Wires and starts the server; tests use this with port 0. */
  public static TowerlineServer start(TowerlineConfig config, Clock clock) throws IOException {
    return start(config, clock, rest -> {});
  }

  /**
   * Wires and starts the server, letting {@code extensions} add components to the REST
   * application before it starts (tests register test-only resources this way).
   */
  public static TowerlineServer start(
      TowerlineConfig config, Clock clock, Consumer<ResourceConfig> extensions) throws IOException {
    routeJulToSlf4j();
    List<AutoCloseable> opened = new ArrayList<>();
    try {
      TowerlineServer server = wireAndStart(config, clock, extensions, opened);
      opened.forEach(server::closeOnStop);
      return server;
    } catch (IOException | RuntimeException e) {
      closeAll(opened);
      throw e;
    }
  }

  private static TowerlineServer wireAndStart(
      TowerlineConfig config, Clock clock, Consumer<ResourceConfig> extensions, List<AutoCloseable> opened)
      throws IOException {
    TokenRegistry tokens = opened(opened, startTokens(config));
    Exposure.check(config.server(), config.auth(), tokens.current().entries().size());
    Authenticator authenticator = new Authenticator(config.auth().mode(), tokens);
    FeedTickets feedTickets = new FeedTickets(clock);
    ObjectMapper json = JsonMappers.create();
    PublishedContract contract = PublishedContract.fromClasspath(Main.class.getClassLoader());
    ErrorResponses errors = new ErrorResponses(ErrorCodeCatalog.fromContract(contract));
    HealthService health = new HealthService(contract.apiVersion(), clock);

    PrometheusMeterRegistry metrics = MetricsRegistry.create();
    EdgeConfig edge = config.edge();
    RateLimits rateLimits = new RateLimits(edge.rateLimits(), clock, metrics);
    FeedConfig feedConfig = config.feeds().toBuilder().frameBudgets(rateLimits::newFrameBudget).build();
    // One server per database: refuse before touching ADB or the data if another one has it.
    ServerLock lock = opened(opened, ServerLock.forDatabase(config.database()));
    lock.acquire();
    Database database = opened(opened, Database.open(config.database(), metrics));
    AdbRuntime adb = opened(opened, AdbRuntime.start(config.adb(), metrics, clock));
    health.waitFor(adb.startup());
    Persistence persistence = opened(opened, new Persistence(database, lock, Persistence.DEFAULT_RETRY_INTERVAL));
    ExecutionService executions =
        opened(
            opened,
            ExecutionService.start(
                new HibernateExecutionStore(persistence),
                adb.devices(),
                adb.gateway(),
                occupancy(adb.tracker()),
                config.executions(),
                metrics,
                clock));
    DeviceDirectory devices = executions.devicesWithQueues();
    // The feeds listen before crash recovery, so executions it marks interrupted are published too.
    EventLog eventLog = new EventLog(database.dataSource(), persistence::isReady, clock);
    FeedService feeds =
        opened(
            opened,
            new FeedService(
                    withTokenCheck(feedConfig, authenticator, feedTickets),
                    eventLog,
                    json,
                    clock,
                    contract.apiVersion(),
                    devices,
                    executions,
                    metrics)
                .start());
    // Crash recovery runs before the first execution of this process can exist.
    persistence.start(executions::recoverInterrupted);
    AuditLog auditLog = new AuditLog(database.dataSource(), persistence::isReady, json, clock);
    tokens.addListener(new TokenChangeAudit(auditLog));
    opened(opened, new AuditRetention(auditLog, config.audit(), clock).start());
    DependencyHealth dependencies =
        opened(
            opened,
            new DependencyHealth(
                List.of(adb.healthProbe().asHealthCheck(ADB_CHECK_BUDGET), new DatabaseHealthCheck(database)),
                DependencyHealth.DEFAULT_BUDGET,
                clock));
    DeprecationHeaders deprecations = DeprecationHeaders.fromOpenApi(ContractDocuments.bundled().openApi());

    // One listing for both paths of listDevices: its snapshots honour either path's page tokens.
    DeviceListing deviceListing = new DeviceListing(devices, clock);
    RestApplication rest =
        new RestApplication(
            new ApiServices(
                json,
                contract,
                errors,
                health,
                dependencies,
                deprecations,
                metrics,
                config.server().maxRequestBytes(),
                devices,
                deviceListing,
                executions,
                eventLog,
                auditLog,
                new CommandPolicy(config.commands()),
                clock,
                authenticator,
                config.auth(),
                feedTickets));
    EdgeFeature edgeFeature = new EdgeFeature(edge, rateLimits);
    rest.register(edgeFeature);
    HostPolicy hosts = edge.hostPolicy(config.server().bindAddress());
    extensions.accept(rest);
    TowerlineServer server =
        TowerlineServer.start(
            config.server(),
            rest,
            feeds.endpoints(),
            List.of(
                new HandshakeGuardAddOn(TowerlineServer.API_BASE_PATH, feeds.handshakeGuard(), errors, json),
                new BareErrorEnvelopeAddOn(errors, json),
                new FrameHeaderAddOn(ClientFrameIntake.MAX_MESSAGE_BYTES),
                new RequestReadAddOn(
                    config.server().requestReadTimeout(), config.server().maxRequestBytes(), errors, json),
                // After RequestReadAddOn: judges whole requests, before the feeds' handshake guard.
                new RequestGuardAddOn(new EdgeGuard(hosts, edge.originPolicy(), rateLimits), errors, json),
                new ClientAddressAddOn()),
            new JsonErrorPageGenerator(errors, json),
            jersey ->
                new LivenessFastPath(
                    new DeviceListFastPath(
                        jersey,
                        rest.requests(),
                        config.auth().mode(),
                        rateLimits,
                        new DeviceLists(deviceListing, clock, rest.requests()),
                        rest.bodyMapper(),
                        rest.accessLog(),
                        edgeFeature.corsHeaders(),
                        deprecations),
                    rest.requests(),
                    health,
                    json,
                    rest.accessLog(),
                    edgeFeature.corsHeaders(),
                    deprecations));
    server.runFirstOnStop(feeds::closeAll);
    log.info(
        "Answering Host names {}; feeds open to origins {} and their own; CORS origins {}; rate limits {}",
        hosts.describe(),
        edge.originPolicy().allowed().describe(),
        edge.cors().origins().describe(),
        edge.rateLimits());
    log.info(
        "Towerline server (API {}) listening on {} for REST and WebSocket; JVM up {} ms",
        contract.apiVersion(),
        server.baseUri(),
        ManagementFactory.getRuntimeMXBean().getUptime());
    return server;
  }

  private static TokenRegistry startTokens(TowerlineConfig config) {
    try {
      return TokenRegistry.start(config.auth());
    } catch (IllegalArgumentException e) {
      throw new AuthStartException(e.getMessage());
    }
  }

  /** Feed handshakes pass the configured checks, then the token check REST requests pass. */
  private static FeedConfig withTokenCheck(FeedConfig feeds, Authenticator authenticator, FeedTickets tickets) {
    return feeds.toBuilder().authorizer(feeds.authorizer().andThen(new TokenHandshakeAuthorizer(authenticator, tickets))).build();
  }

  private static DeviceOccupancy occupancy(DeviceTracker tracker) {
    return new DeviceOccupancy() {
      @Override
      public void busy(String serial, String executionId) {
        tracker.markBusy(serial, executionId);
      }

      @Override
      public void idle(String serial) {
        tracker.markIdle(serial);
      }
    };
  }

  private static <T extends AutoCloseable> T opened(List<AutoCloseable> opened, T resource) {
    opened.add(resource);
    return resource;
  }

  private static void closeAll(List<AutoCloseable> opened) {
    for (int i = opened.size() - 1; i >= 0; i--) {
      try {
        opened.get(i).close();
      } catch (Exception e) {
        log.warn("Closing {} after a failed start failed: {}", opened.get(i).getClass().getSimpleName(), e.toString());
      }
    }
  }

  // Jersey, Grizzly and Tyrus log through java.util.logging.
  private static synchronized void routeJulToSlf4j() {
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
  }
}
