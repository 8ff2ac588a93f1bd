package dev.towerline.sdkit.support;

import dev.towerline.testkit.ContractValidator;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A loopback proxy in front of a real server that checks everything the server sends against the
 * contract before the client gets it: each HTTP answer ({@link
 * ContractValidator#checkResponse(String, String, int, Map, String)}) and, on a WebSocket relayed
 * through it, each text frame ({@link ContractValidator#checkFrame}). A test fails after it ran
 * when anything broke the contract. It can also lose an answer: forward the request, let the
 * server act on it, then drop the connection instead of relaying the answer.
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
 * <p>HTTP/1.1 only (no h2c), as the SDK speaks it; WebSocket compression is not offered to the
 * server, so frames stay readable.
 */
public final class ContractProxy implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

  /** One request as relayed (or lost) and the server's answer to it. */
  public record Exchange(String method, String target, String idempotencyKey, int status, boolean lost) {}

  /** One text message the server sent on a feed relayed through the proxy. */
  public record Frame(String feed, String text) {}

  // Framing and connection fields: the JDK client and this proxy set their own.
  private static final Set<String> HOP_BY_HOP =
      Set.of("connection", "content-length", "expect", "host", "upgrade", "keep-alive", "transfer-encoding", "te",
          "http2-settings");

  private final Supplier<URI> upstream;
  private final ContractValidator validator;
  private final List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());
  private final List<Frame> frames = Collections.synchronizedList(new ArrayList<>());
  private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
  private final ConcurrentLinkedQueue<String> answersToLose = new ConcurrentLinkedQueue<>();
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private ExecutorService executor;
  private ServerSocket listener;
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
    executor = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "contract-proxy");
      thread.setDaemon(true);
      return thread;
    });
    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    executor.submit(this::accept);
    return this;
  }

  /** {@code http://127.0.0.1:<port>/}, for {@code TowerlineClient.Builder#baseUrl}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + listener.getLocalPort() + "/";
  }

  /** {@code ws://127.0.0.1:<port>} + {@code path}, e.g. {@code /api/v1/ws/devices?since=3}. */
  public URI webSocketUri(String path) {
    return URI.create("ws://127.0.0.1:" + listener.getLocalPort() + path);
  }

  /**
   * The next request with this method and path (no query) reaches the server, but its answer is
   * dropped with the connection, as a network failure after the server acted would drop it.
   */
  public void loseNextAnswer(String method, String path) {
    answersToLose.add(method + " " + path);
  }

  /** Every HTTP exchange so far, in the order answers came back. */
  public List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  /** Exchanges with this method whose target starts with {@code pathPrefix}. */
  public List<Exchange> exchanges(String method, String pathPrefix) {
    return exchanges().stream().filter(e -> e.method().equals(method) && e.target().startsWith(pathPrefix)).toList();
  }

  /** Every text message servers sent on relayed feeds so far, in order per feed. */
  public List<Frame> frames() {
    return List.copyOf(frames);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    List<String> found = List.copyOf(violations);
    violations.clear();
    if (!found.isEmpty()) {
      throw new AssertionError("The server sent what the contract does not allow:\n" + String.join("\n", found));
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  /** Stops listening and cuts every relayed connection. */
  public void close() {
    if (listener == null) {
      return;
    }
    try {
      listener.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    connections.forEach(ContractProxy::closeQuietly);
    executor.shutdownNow();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket connection = listener.accept();
        connections.add(connection);
        executor.submit(() -> serve(connection));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket connection) {
    try (connection) {
      InputStream in = new BufferedInputStream(connection.getInputStream());
      OutputStream out = connection.getOutputStream();
      for (HttpHead request = HttpHead.read(in); request != null; request = HttpHead.read(in)) {
        if (request.fieldContains("upgrade", "websocket")) {
          WebSocketTunnel.run(request, in, connection, upstream.get(), executor, this::checkRefusal, this::checkFrame);
          return;
        }
        if (!relay(request, in, out)) {
          return;
        }
      }
    } catch (IOException clientOrServerWentAway) {
      // the client sees its connection end, as it would without the proxy
    } finally {
      connections.remove(connection);
    }
  }

  /** Relays one request; false when the connection must end (a lost answer, or the client asked). */
  private boolean relay(HttpHead request, InputStream in, OutputStream out) throws IOException {
    String method = request.method();
    String target = request.target();
    HttpResponse<byte[]> answer = forward(request, request.readBody(in));
    String body = new String(answer.body(), StandardCharsets.UTF_8);
    check(method, target, answer.statusCode(), answer.headers().map(), body);
    boolean lose = answersToLose.remove(method + " " + URI.create(target).getRawPath());
    exchanges.add(new Exchange(method, target, request.field("idempotency-key"), answer.statusCode(), lose));
    if (lose) {
      return false;
    }
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(answer.statusCode()).append(" \r\n");
    answer.headers().map().forEach((name, values) -> {
      if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
        values.forEach(value -> head.append(name).append(": ").append(value).append("\r\n"));
      }
    });
    boolean bodyless = method.equals("HEAD") || answer.statusCode() == 204 || answer.statusCode() == 304;
    if (!bodyless) {
      head.append("Content-Length: ").append(answer.body().length).append("\r\n");
    }
    out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
    if (!bodyless) {
      out.write(answer.body());
    }
    out.flush();
    return !request.fieldContains("connection", "close");
  }

  private HttpResponse<byte[]> forward(HttpHead request, byte[] body) throws IOException {
    HttpRequest.Builder forwarded =
        HttpRequest.newBuilder(upstream.get().resolve(request.target()))
            .timeout(Duration.ofSeconds(30))
            .method(request.method(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    request.fields().forEach(field -> {
      if (!HOP_BY_HOP.contains(field.getKey().toLowerCase(Locale.ROOT))) {
        forwarded.header(field.getKey(), field.getValue());
      }
    });
    try {
      return client.send(forwarded.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while forwarding " + request.startLine());
    }
  }

  private void check(String method, String target, int status, Map<String, List<String>> headers, String body) {
    try {
      validator.checkResponse(method, target, status, headers, body);
    } catch (AssertionError | RuntimeException e) {
      violations.add(method + " " + target + " -> " + status + ": " + e.getMessage());
    }
  }

  private void checkRefusal(String feed, HttpHead answer, String body) {
    exchanges.add(new Exchange("GET", feed, null, answer.status(), false));
    check("GET", feed, answer.status(), answer.fieldMap(), body);
  }

  private void checkFrame(String feed, String text) {
    frames.add(new Frame(feed, text));
    try {
      validator.checkFrame(feed, text);
    } catch (AssertionError | RuntimeException e) {
      violations.add("frame on " + feed + ": " + e.getMessage() + "\n  " + text);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
