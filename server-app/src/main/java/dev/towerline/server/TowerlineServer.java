package dev.towerline.server;

import dev.towerline.server.config.ServerConfig;
import dev.towerline.server.feed.intake.ClientFrameIntake;
import dev.towerline.server.http.fast.RestRequestThreads;
import dev.towerline.server.http.grizzly.EmbeddedWebSocketContainer;
import dev.towerline.server.http.grizzly.UnservedUpgradeAddOn;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.ServerConfiguration;
import org.glassfish.grizzly.threadpool.GrizzlyExecutorService;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running server: Jersey and Tyrus on one Grizzly listener. REST routes come from the Jersey
 * application; WebSocket endpoints are deployed under {@value #API_BASE_PATH}.
 */
public final class TowerlineServer implements AutoCloseable {

  /** Base path of the API; WebSocket endpoint paths are relative to it. */
  public static final String API_BASE_PATH = "/api/v1";

  // The largest client message a feed reads, plus the largest WebSocket frame header.
  private static final int WEBSOCKET_READ_LIMIT_BYTES = ClientFrameIntake.MAX_MESSAGE_BYTES + 14;
  // The name Jersey's GrizzlyHttpServerFactory gives the one listener it creates.
  private static final String LISTENER = "grizzly";
  /** The names of the REST application's threads for writes and for reads, numbered after them. */
  public static final String WRITE_THREADS = "towerline-write";
  public static final String READ_THREADS = "towerline-read";
  // Extra wait for Grizzly's own forced stop after the grace period.
  private static final Duration STOP_MARGIN = Duration.ofSeconds(2);

  private static final Logger log = LoggerFactory.getLogger(TowerlineServer.class);

  private final HttpServer http;
  private final EmbeddedWebSocketContainer webSockets;
  private final ServerConfig config;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final Deque<AutoCloseable> owned = new ArrayDeque<>();
  private final Deque<Runnable> firstOnStop = new ArrayDeque<>();
  private final CountDownLatch stopped = new CountDownLatch(1);

  private TowerlineServer(HttpServer http, EmbeddedWebSocketContainer webSockets, ServerConfig config) {
    this.http = http;
    this.webSockets = webSockets;
    this.config = config;
  }

  /**
   * Binds {@code config}'s address and port and starts serving.
   *
   * @param addOns Grizzly add-ons, set up after Tyrus' (so they can place filters around it); those
   *     that are {@link AutoCloseable} are closed when the server stops
   * @param errorPages renders the errors Grizzly answers itself, outside the REST application
   * @param inFrontOfRest wraps the REST application's handler in one that answers some requests
   *     itself (fast paths) and hands it the rest
   * @throws IOException when the port cannot be bound
   */
  public static TowerlineServer start(
      ServerConfig config,
      ResourceConfig rest,
      List<ServerEndpointConfig> webSocketEndpoints,
      List<AddOn> addOns,
      ErrorPageGenerator errorPages,
      UnaryOperator<HttpHandler> inFrontOfRest)
      throws IOException {
    HttpServer http = GrizzlyHttpServerFactory.createHttpServer(listenUri(config), rest, false);
    NetworkListener listener = http.getListener(LISTENER);
    ExecutorService writeThreads = restThreads(listener, WRITE_THREADS, config.writeThreads());
    ExecutorService readThreads = restThreads(listener, READ_THREADS, config.readThreads());
    putInFront(
        http.getServerConfiguration(),
        jersey -> new RestRequestThreads(inFrontOfRest.apply(jersey), writeThreads, readThreads));
    http.getServerConfiguration().setDefaultErrorPageGenerator(errorPages);
    listener.registerAddOn(
        new UnservedUpgradeAddOn(
            webSocketEndpoints.stream().map(endpoint -> API_BASE_PATH + endpoint.getPath()).collect(Collectors.toSet())));

    EmbeddedWebSocketContainer webSockets = new EmbeddedWebSocketContainer(WEBSOCKET_READ_LIMIT_BYTES);
    try {
      for (ServerEndpointConfig endpoint : webSocketEndpoints) {
        webSockets.addEndpoint(endpoint);
      }
      // Deploys the endpoints now, so no upgrade can arrive before they exist.
      webSockets.start(API_BASE_PATH, config.port());
    } catch (DeploymentException e) {
      throw new IllegalStateException("WebSocket endpoints cannot be deployed", e);
    }
    listener.registerAddOn(new WebSocketAddOn(webSockets, API_BASE_PATH));
    addOns.forEach(listener::registerAddOn);

    try {
      http.start();
    } catch (IOException | RuntimeException e) {
      webSockets.stop();
      closeAll(addOns);
      writeThreads.shutdownNow();
      readThreads.shutdownNow();
      throw e;
    }
    TowerlineServer server = new TowerlineServer(http, webSockets, config);
    // Closed after HTTP's graceful stop, which waits for the requests running on them.
    server.closeOnStop(writeThreads::shutdownNow);
    server.closeOnStop(readThreads::shutdownNow);
    addOns.stream().filter(AutoCloseable.class::isInstance).map(AutoCloseable.class::cast).forEach(server::closeOnStop);
    return server;
  }

  /** Registers the wrapper of Jersey's one handler under the mapping Jersey's factory gave it. */
  private static void putInFront(ServerConfiguration server, UnaryOperator<HttpHandler> inFrontOfRest) {
    Map<HttpHandler, HttpHandlerRegistration[]> handlers = server.getHttpHandlersWithMapping();
    if (handlers.size() != 1) {
      throw new IllegalStateException("Expected Jersey's one HTTP handler, found " + handlers.keySet());
    }
    Map.Entry<HttpHandler, HttpHandlerRegistration[]> rest = handlers.entrySet().iterator().next();
    server.removeHttpHandler(rest.getKey());
    server.addHttpHandler(inFrontOfRest.apply(rest.getKey()), rest.getValue());
  }

  private static void closeAll(List<AddOn> addOns) {
    for (AddOn addOn : addOns) {
      if (addOn instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          log.warn("Closing {} after a failed start failed: {}", addOn.getClass().getSimpleName(), e.toString());
        }
      }
    }
  }

  /** The bound port (the chosen one when the configuration asked for port 0). */
  public int port() {
    return http.getListener(LISTENER).getPort();
  }

  /** {@code http://<bind address>:<port>}, without a trailing slash. */
  public URI baseUri() {
    return URI.create("http://" + authority(config.bindAddress(), port()));
  }

  /** Closes {@code resource} when the server stops, after HTTP; the last one handed over closes first. */
  public synchronized void closeOnStop(AutoCloseable resource) {
    owned.push(resource);
  }

  /** Runs {@code step} first when the server stops, before it stops accepting (closing feed sockets with 1012). */
  public synchronized void runFirstOnStop(Runnable step) {
    firstOnStop.add(step);
  }

  private synchronized void runFirstSteps() {
    for (Runnable step : firstOnStop) {
      try {
        step.run();
      } catch (RuntimeException e) {
        log.warn("A first stop step failed: {}", e.toString());
      }
    }
  }

  private synchronized void closeOwned() {
    while (!owned.isEmpty()) {
      AutoCloseable resource = owned.pop();
      try {
        resource.close();
      } catch (Exception e) {
        log.warn("Closing {} on stop failed: {}", resource.getClass().getSimpleName(), e.toString());
      }
    }
  }

  /**
   * Stops accepting connections, lets in-flight requests finish within the configured shutdown
   * timeout, then cuts what is left and closes what the server owns. Idempotent.
   */
  public void stop() {
    if (!stopping.compareAndSet(false, true)) {
      awaitStop();
      return;
    }
    long started = System.nanoTime();
    Duration grace = config.shutdownTimeout();
    try {
      runFirstSteps();
      webSockets.stop();
      http.shutdown(grace.toMillis(), TimeUnit.MILLISECONDS)
          .get(grace.plus(STOP_MARGIN).toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      http.shutdownNow();
    } catch (ExecutionException | TimeoutException e) {
      log.warn("Graceful stop did not complete ({}); forcing it", e.toString());
      http.shutdownNow();
    } finally {
      closeOwned();
      stopped.countDown();
    }
    log.info(
        "Towerline server stopped in {} ms",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
  }

  /** Blocks until {@link #stop()} has completed. */
  public void awaitStop() {
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
  }

  /**
   * Threads for Jersey's requests: the listener's own worker pool settings (Grizzly's threads, so
   * Grizzly's blocking reads and writes work on them as on its own) with {@code threads} threads,
   * always all started.
   */
  private static ExecutorService restThreads(NetworkListener listener, String name, int threads) {
    ThreadPoolConfig defaults = listener.getTransport().getWorkerThreadPoolConfig();
    ThreadPoolConfig rest = defaults == null ? ThreadPoolConfig.defaultConfig() : defaults.copy();
    // The copied factory would name the threads after the transport's pool; without one, Grizzly's
    // default factory names them after this pool.
    return GrizzlyExecutorService.createInstance(
        rest.setPoolName(name).setThreadFactory(null).setCorePoolSize(threads).setMaxPoolSize(threads));
  }

  private static URI listenUri(ServerConfig config) {
    return URI.create("http://" + authority(config.bindAddress(), config.port()) + "/");
  }

  private static String authority(String host, int port) {
    // IPv6 literals need brackets in a URI.
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
