package dev.towerline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a real loopback server that answers whatever the test route says. */
class ValidatingHttpClientTest {

  private static HttpServer server;
  private static final List<String> protocols = new CopyOnWriteArrayList<>();
  private static final List<String> upgrades = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/health", exchange -> answer(exchange, 200, "{\"status\":\"ok\",\"version\":\"1.0.0\"}"));
    server.createContext("/health/ready", exchange -> answer(exchange, 200, "{\"status\":\"sleepy\"}"));
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  @Test
  void returnsResponsesTheContractAllows() throws Exception {
    ValidatingHttpClient http = ValidatingHttpClient.create(ContractValidator.forBundledContract());

    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/health")).build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"ok\"");
  }

  @Test
  void failsOnResponsesTheContractForbids() {
    ValidatingHttpClient http = ValidatingHttpClient.create(ContractValidator.forBundledContract());

    assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(uri("/health/ready")).build()))
        .isInstanceOf(ContractViolation.class)
        .hasMessage(
            "getReadiness (GET /health/ready) answered 200 with a body that breaks "
                + "#/components/schemas/Readiness: /status: does not have a value in the enumeration [\"ready\"]");
  }

  @Test
  void sendsHttp11EvenThroughAClientThatPrefersHttp2() throws Exception {
    HttpClient defaults = HttpClient.newHttpClient();
    ValidatingHttpClient http = ValidatingHttpClient.wrapping(defaults, ContractValidator.forBundledContract());
    protocols.clear();
    upgrades.clear();

    http.send(HttpRequest.newBuilder(uri("/health")).build());

    assertThat(protocols).containsExactly("HTTP/1.1");
    assertThat(upgrades).isEmpty();
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    protocols.add(exchange.getProtocol());
    if (exchange.getRequestHeaders().containsKey("Upgrade")) {
      upgrades.add(exchange.getRequestHeaders().getFirst("Upgrade"));
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.getResponseHeaders().add("X-Request-Id", "r-1");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
