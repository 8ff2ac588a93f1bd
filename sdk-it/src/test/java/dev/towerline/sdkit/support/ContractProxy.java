package dev.towerline.sdkit.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.towerline.testkit.ContractValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A loopback HTTP proxy in front of a real server that checks every answer against the contract
 * ({@link ContractValidator#checkResponse(String, String, int, Map, String)}) before relaying it,
 * so whatever the SDK receives in a test is known to be allowed. A test fails after it ran when
 * any answer broke the contract. It can also lose an answer: forward the request, let the server
 * act on it, then drop the connection instead of relaying the answer.
 *
 * <p>Register it after the server, both as {@code @RegisterExtension} fields, the proxy with the
 * higher {@code @Order}:
 *
 * <pre>{@code
 * static final RunningServer server = new RunningServer();                                // @Order(1)
 * static final ContractProxy proxy = ContractProxy.inFrontOf(() -> server.uri("/"));      // @Order(2)
 *
 * TowerlineClient client = TowerlineClient.builder().baseUrl(proxy.baseUrl()).build();
 * }</pre>
 *
 * <p>HTTP only: a WebSocket upgrade is not relayed.
 */
public final class ContractProxy implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

  /** One request as relayed (or lost) and the server's answer to it. */
  public record Exchange(String method, String target, String idempotencyKey, int status, boolean lost) {}

  // The JDK client sets these itself; HttpServer frames its own answer.
  private static final Set<String> HOP_BY_HOP =
      Set.of("connection", "content-length", "expect", "host", "upgrade", "keep-alive", "transfer-encoding", "te",
          "http2-settings", "date");

  private final Supplier<URI> upstream;
  private final ContractValidator validator;
  private final List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());
  private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
  private final ConcurrentLinkedQueue<String> answersToLose = new ConcurrentLinkedQueue<>();
  private ExecutorService executor;
  private HttpServer server;
  private HttpClient client;

  private ContractProxy(Supplier<URI> upstream, ContractValidator validator) {
    this.upstream = upstream;
    this.validator = validator;
  }

  /** A proxy to the server at {@code upstream} (read when the proxy starts), checked against the bundled contract. */
  public static ContractProxy inFrontOf(Supplier<URI> upstream) {
    return new ContractProxy(upstream, ContractValidator.forBundledContract());
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    start();
  }

  /** Starts on a free loopback port; {@link #beforeAll} does this for an extension. */
  public ContractProxy start() throws IOException {
    executor = Executors.newCachedThreadPool();
    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::relay);
    server.setExecutor(executor);
    server.start();
    return this;
  }

  /** {@code http://127.0.0.1:<port>/}, for {@code TowerlineClient.Builder#baseUrl}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /**
   * The next request with this method and path (no query) reaches the server, but its answer is
   * dropped with the connection, as a network failure after the server acted would drop it.
   */
  public void loseNextAnswer(String method, String path) {
    answersToLose.add(method + " " + path);
  }

  /** Every exchange so far, in the order answers came back. */
  public List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  /** Exchanges whose target starts with {@code method + " " + pathPrefix}. */
  public List<Exchange> exchanges(String method, String pathPrefix) {
    return exchanges().stream().filter(e -> e.method().equals(method) && e.target().startsWith(pathPrefix)).toList();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    List<String> found = List.copyOf(violations);
    violations.clear();
    if (!found.isEmpty()) {
      throw new AssertionError("The server sent answers the contract does not allow:\n" + String.join("\n", found));
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  public void close() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
    }
  }

  private void relay(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String target = exchange.getRequestURI().toString();
    try {
      HttpResponse<byte[]> answer = forward(exchange, method, target);
      String body = new String(answer.body(), StandardCharsets.UTF_8);
      check(method, target, answer, body);
      boolean lose = answersToLose.remove(method + " " + exchange.getRequestURI().getRawPath());
      exchanges.add(new Exchange(method, target, exchange.getRequestHeaders().getFirst("Idempotency-Key"), answer.statusCode(), lose));
      if (lose) {
        // Closing before any response header: the client sees its connection dropped, no answer.
        exchange.close();
        return;
      }
      answer.headers().map().forEach((name, values) -> {
        if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
          exchange.getResponseHeaders().put(name, values);
        }
      });
      boolean noBody = answer.body().length == 0 || method.equals("HEAD");
      exchange.sendResponseHeaders(answer.statusCode(), noBody ? -1 : answer.body().length);
      if (!noBody) {
        exchange.getResponseBody().write(answer.body());
      }
    } catch (IOException | RuntimeException e) {
      violations.add(method + " " + target + " could not be relayed: " + e);
    } finally {
      exchange.close();
    }
  }

  private HttpResponse<byte[]> forward(HttpExchange exchange, String method, String target) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(upstream.get().resolve(target))
            .timeout(Duration.ofSeconds(30))
            .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    exchange.getRequestHeaders().forEach((name, values) -> {
      if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
        values.forEach(value -> request.header(name, value));
      }
    });
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted", e));
    }
  }

  private void check(String method, String target, HttpResponse<byte[]> answer, String body) {
    try {
      validator.checkResponse(method, target, answer.statusCode(), answer.headers().map(), body);
    } catch (AssertionError | RuntimeException e) {
      violations.add(method + " " + target + " -> " + answer.statusCode() + ": " + e.getMessage());
    }
  }
}
