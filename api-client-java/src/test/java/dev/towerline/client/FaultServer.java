package dev.towerline.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.towerline.testkit.ContractValidator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A scripted HTTP server on loopback (okhttp MockWebServer style): each request takes the next
 * scripted answer — a response, or a dropped connection — and is recorded. Every response it
 * sends is checked against the contract; {@link #contractProblems()} lists what did not fit.
 */
final class FaultServer implements AutoCloseable {

  static final String REQUEST_ID = "4f1c2a9e-0b7d-4c55-9a51-2f0c7d3e8b10";

  /** What the server does with one request. */
  sealed interface Answer permits Respond, Drop {}

  record Respond(int status, Map<String, String> headers, String body) implements Answer {
    Respond withHeader(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(name, value);
      return new Respond(status, more, body);
    }
  }

  /** Closes the connection without answering, as a crashing server or a proxy would. */
  record Drop() implements Answer {}

  record Recorded(String method, String target, String protocol, Map<String, List<String>> headers, String body) {
    String header(String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? null : values.get(0);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final BlockingQueue<Answer> script = new LinkedBlockingQueue<>();
  private final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());
  private final List<String> contractProblems = Collections.synchronizedList(new ArrayList<>());
  private final ContractValidator validator = ContractValidator.forBundledContract();

  FaultServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  static Respond json(int status, String body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("X-Request-Id", REQUEST_ID);
    return new Respond(status, headers, body);
  }

  static Respond envelope(int status, String code, String message, String detailsJson) {
    return json(status, "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"details\":"
        + detailsJson + "},\"request_id\":\"" + REQUEST_ID + "\"}");
  }

  FaultServer enqueue(Answer... answers) {
    script.addAll(List.of(answers));
    return this;
  }

  List<Recorded> requests() {
    return List.copyOf(requests);
  }

  List<String> contractProblems() {
    return List.copyOf(contractProblems);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String target = exchange.getRequestURI().toString();
    requests.add(new Recorded(exchange.getRequestMethod(), target, exchange.getProtocol(), Map.copyOf(lowerCase(exchange)), body));
    Answer answer = script.poll();
    if (answer == null) {
      answer = envelope(500, "INTERNAL_ERROR", "FaultServer has no answer scripted for " + target, "{}");
    }
    if (answer instanceof Drop) {
      // Closing before the response headers drops the connection: the client reads no answer.
      exchange.close();
      return;
    }
    Respond respond = (Respond) answer;
    respond.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    byte[] bytes = respond.body().getBytes(StandardCharsets.UTF_8);
    checkContract(exchange.getRequestMethod(), target, respond);
    exchange.sendResponseHeaders(respond.status(), bytes.length == 0 ? -1 : bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private void checkContract(String method, String target, Respond respond) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    respond.headers().forEach((name, value) -> headers.put(name, List.of(value)));
    try {
      validator.checkResponse(method, target, respond.status(), headers, respond.body());
    } catch (AssertionError | RuntimeException e) {
      contractProblems.add(method + " " + target + " -> " + respond.status() + ": " + e.getMessage());
    }
  }

  private static Map<String, List<String>> lowerCase(HttpExchange exchange) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values));
    return headers;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
