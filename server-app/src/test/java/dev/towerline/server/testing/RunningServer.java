package dev.towerline.server.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.server.Main;
import dev.towerline.server.TowerlineServer;
import dev.towerline.adb.simulator.AdbSimulator;
import dev.towerline.server.adb.AdbConfig;
import dev.towerline.server.auth.AuthConfig;
import dev.towerline.server.auth.Role;
import dev.towerline.server.config.TowerlineConfig;
import dev.towerline.server.edge.EdgeConfig;
import dev.towerline.server.executions.ExecutionConfig;
import dev.towerline.server.feed.FeedConfig;
import dev.towerline.server.store.DatabaseConfig;
import dev.towerline.server.json.JsonMappers;
import dev.towerline.testkit.ContractValidator;
import dev.towerline.testkit.ValidatingHttpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real server, wired by {@link Main}, on a free loopback port for the tests of one class:
 * {@code @RegisterExtension static final RunningServer server = new RunningServer();}. Every
 * response {@link #send} returns has passed {@link #CONTRACT}: an answer the contract does not
 * allow fails the test with a {@code ContractViolation} naming the operation and JSON pointer.
 */
public final class RunningServer implements BeforeAllCallback, AfterAllCallback {

  public static final Duration TIMEOUT = Duration.ofSeconds(10);
  // The gauge of events a feed holds until the database takes them (FeedChannel).
  private static final String FEED_EVENTS_WAITING = "towerline_feed_events_waiting{";

  /** Where test-only resources such as {@link FailingResource} live, outside the contract. */
  public static final String TEST_ROUTES = "/test/";

  /** The contract check of every response and frame the server's tests receive. */
  public static final ContractValidator CONTRACT =
      ContractValidator.forBundledContract().allowingTestRoutes(TEST_ROUTES);

  private final Consumer<ResourceConfig> extensions;
  private final UnaryOperator<AdbConfig.Builder> adbSettings;
  private UnaryOperator<ExecutionConfig.Builder> executionSettings = TestConfigs::fastExecutions;
  private Supplier<DatabaseConfig> database = TestConfigs::inMemoryDatabase;
  private UnaryOperator<FeedConfig.Builder> feedSettings = UnaryOperator.identity();
  private UnaryOperator<EdgeConfig.Builder> edgeSettings = UnaryOperator.identity();
  private Clock clock = Clock.systemUTC();
  private TestTokens tokens;
  private UnaryOperator<AuthConfig.Builder> authSettings = UnaryOperator.identity();
  private UnaryOperator<TowerlineConfig> otherSettings = UnaryOperator.identity();
  private TowerlineConfig config;
  private final ObjectMapper json = JsonMappers.create();
  private AdbSimulator adb;
  private final Feeds feedClients = new Feeds(this);
  private TowerlineServer server;
  private ValidatingHttpClient http;

  public RunningServer() {
    this(rest -> {});
  }

  /** A server whose REST application also gets {@code extensions} (test-only resources). */
  public RunningServer(Consumer<ResourceConfig> extensions) {
    this(extensions, UnaryOperator.identity());
  }

  private RunningServer(Consumer<ResourceConfig> extensions, UnaryOperator<AdbConfig.Builder> adbSettings) {
    this.extensions = extensions;
    this.adbSettings = adbSettings;
  }

  /** A server whose ADB settings (poll interval, breaker cool-down, …) the test chooses. */
  public static RunningServer withAdb(UnaryOperator<AdbConfig.Builder> adbSettings) {
    return new RunningServer(rest -> {}, adbSettings);
  }

  /** The same server with its execution settings changed (queue limit, parallelism, output limit, …). */
  public RunningServer executions(UnaryOperator<ExecutionConfig.Builder> settings) {
    UnaryOperator<ExecutionConfig.Builder> before = executionSettings;
    this.executionSettings = builder -> settings.apply(before.apply(builder));
    return this;
  }

  /** The same server with its feed settings changed (heartbeat, limits, retention, …). */
  public RunningServer feeds(UnaryOperator<FeedConfig.Builder> settings) {
    UnaryOperator<FeedConfig.Builder> before = feedSettings;
    this.feedSettings = builder -> settings.apply(before.apply(builder));
    return this;
  }

  /** The same server with its edge settings changed (allowed hosts and origins, CORS, rate limits). */
  public RunningServer edge(UnaryOperator<EdgeConfig.Builder> settings) {
    UnaryOperator<EdgeConfig.Builder> before = edgeSettings;
    this.edgeSettings = builder -> settings.apply(before.apply(builder));
    return this;
  }

  /** The same server on a database the test chooses (a file H2, a PostgreSQL schema), read at start. */
  public RunningServer database(Supplier<DatabaseConfig> chosen) {
    this.database = chosen;
    return this;
  }

  /**
   * The same server on a clock the test moves (such as {@code adb.MutableClock}), read at start:
   * for ages the server measures on its clock, like feed retention, without waiting for them.
   */
  public RunningServer clock(Clock chosen) {
    this.clock = chosen;
    return this;
  }

  /**
   * The same server with these tokens configured (its tokens file): requests then need one. The
   * start-up checks of this class send the admin token.
   */
  public RunningServer tokens(TestTokens chosen) {
    this.tokens = chosen;
    return this;
  }

  /** The same server with its authentication settings changed (anonymous endpoints, reload interval, …). */
  public RunningServer auth(UnaryOperator<AuthConfig.Builder> settings) {
    UnaryOperator<AuthConfig.Builder> before = authSettings;
    this.authSettings = builder -> settings.apply(before.apply(builder));
    return this;
  }

  /** The same server with other parts of its configuration changed (audit retention, command policy, …). */
  public RunningServer configure(UnaryOperator<TowerlineConfig> settings) {
    UnaryOperator<TowerlineConfig> before = otherSettings;
    this.otherSettings = config -> settings.apply(before.apply(config));
    return this;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    adb = AdbSimulator.demo(TestConfigs.DEFAULT_DEVICES).start();
    config =
        TestConfigs.withAdbAt(adb.port(), adbSettings.apply(AdbConfig.custom()))
            .withDatabase(database.get())
            .withExecutions(executionSettings.apply(ExecutionConfig.custom()).build())
            .withFeeds(feedSettings.apply(FeedConfig.custom()).build())
            .withEdge(edgeSettings.apply(EdgeConfig.custom()).build())
            .withAuth(authSettings.apply(tokens == null ? AuthConfig.custom() : AuthConfig.custom().tokensFile(tokens.file())).build());
    config = otherSettings.apply(config);
    server = Main.start(config, clock, extensions);
    // The SDK speaks HTTP/1.1; UnservedUpgradeTest covers the JDK client's default.
    http =
        ValidatingHttpClient.wrapping(
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build(),
            CONTRACT);
    awaitReady();
  }

  /**
   * Serving starts at once; tests start once the simulator's devices are listed, as {@code
   * /health/ready} says, and the device events of that discovery are on the feeds: ADB discovery
   * runs while the database migrates, so its events may still be held for the database, and would
   * otherwise reach a test's subscriber after its snapshot.
   */
  private void awaitReady() {
    await("server ready").atMost(TIMEOUT).pollInterval(Duration.ofMillis(20)).until(() -> probe("/health/ready").statusCode() == 200);
    await("start-up feed events persisted")
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofMillis(20))
        .until(() -> noFeedEventWaiting() || !databaseUp());
  }

  private boolean noFeedEventWaiting() {
    return probe("/metrics").body().lines().filter(line -> line.startsWith(FEED_EVENTS_WAITING)).allMatch(line -> line.endsWith(" 0.0"));
  }

  /** Tests that start with the database down wait for nothing it would have to take. */
  private boolean databaseUp() {
    return Envelopes.parse(probe("/health/full").body()).path("checks").path("database").path("status").asText().equals("pass");
  }

  @Override
  public void afterAll(ExtensionContext context) {
    feedClients.close();
    if (server != null) {
      server.stop();
    }
    if (adb != null) {
      adb.close();
    }
  }

  /**
   * Stops the server as a crash would leave things for the next start (its database and the ADB
   * simulator stay), runs {@code meanwhile}, then starts a new server on the same configuration.
   */
  public void restart(Runnable meanwhile) throws IOException {
    server.stop();
    meanwhile.run();
    server = Main.start(config, clock, extensions);
    awaitReady();
  }

  /**
   * Like {@link #restart}, but the new server listens on the port of the old one, as clients that
   * reconnect by themselves (a browser page, an SDK feed client) expect of a restarted server.
   */
  public void restartOnSamePort(Runnable meanwhile) throws IOException {
    int port = server.port();
    server.stop();
    meanwhile.run();
    TowerlineConfig samePort = new TowerlineConfig(
        config.server().toBuilder().port(port).build(), config.database(), config.adb(), config.executions(),
        config.feeds());
    server = Main.start(samePort, clock, extensions);
    awaitReady();
  }

  /** WebSocket clients of this server's feeds; closed with the server. */
  public Feeds feedClients() {
    return feedClients;
  }

  /** The serial of the simulator's {@code index}th device. */
  public String serial(int index) {
    return adb.devices().get(index).serial();
  }

  /** The ADB server the server talks to, for faults and device changes. */
  public AdbSimulator adb() {
    return adb;
  }

  public int port() {
    return server.port();
  }

  /** {@code http://127.0.0.1:<port>} + {@code pathAndQuery}. */
  public URI uri(String pathAndQuery) {
    return URI.create(server.baseUri() + pathAndQuery);
  }

  /** {@code ws://127.0.0.1:<port>} + {@code path}. */
  public URI webSocketUri(String path) {
    return URI.create("ws://" + server.baseUri().getAuthority() + path);
  }

  public HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(TIMEOUT);
  }

  public HttpResponse<String> get(String pathAndQuery) {
    return send(request(pathAndQuery).GET());
  }

  // The start-up checks pass authentication whatever the test configured.
  private HttpResponse<String> probe(String path) {
    HttpRequest.Builder request = request(path).GET();
    if (tokens != null) {
      request.header("Authorization", tokens.bearer(Role.ADMIN));
    }
    return send(request);
  }

  /** Sends {@code request} and returns the response once {@link #CONTRACT} allows it. */
  public HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The server's own JSON mapper. */
  public ObjectMapper json() {
    return json;
  }
}
