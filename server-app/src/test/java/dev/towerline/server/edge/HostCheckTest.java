package dev.towerline.server.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.Executions;
import dev.towerline.server.testing.HttpAnswers;
import dev.towerline.server.testing.RawHttp;
import dev.towerline.server.testing.RawWebSocket;
import dev.towerline.server.testing.RunningServer;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests whose {@code Host} names another server (the shape of DNS rebinding: a page of
 * evil.example whose name now resolves to this server) are refused 421 before the API or a feed
 * sees them; loopback names, the bind address and {@code ALLOWED_HOSTS} are served.
 */
class HostCheckTest {

  @RegisterExtension
  static final RunningServer server =
      new RunningServer().edge(edge -> edge.allowedHosts(List.of("lab.example.com", "*.corp.example")));

  private static String get(String target, String hostLine) {
    return "GET " + target + " HTTP/1.1\r\n" + hostLine + "Connection: close\r\n\r\n";
  }

  @ParameterizedTest(name = "Host: {0}")
  @ValueSource(strings = {"evil.example", "evil.example:80", "corp.example", "lab.example.com.evil.example", "127.0.0.1.nip.io", "localhost@evil.example", "[::2]"})
  void refusesHostsThatAreNotAllowed(String host) {
    Wire.Answer answer = Wire.raw(server.port(), get("/api/v1/devices", "Host: " + host + "\r\n"));

    assertThat(answer.status()).isEqualTo(421);
    assertThat(answer.error().path("code").asText()).isEqualTo(ErrorCode.MISDIRECTED_REQUEST.value());
    assertThat(answer.error().path("details").path("host").asText()).isEqualTo(host);
    assertThat(answer.header("Connection")).isEqualTo("close");
  }

  @Test
  void judgesEveryRequestOfAKeptAliveConnectionAndEveryConnectionAfterARefusal() throws IOException {
    for (String allowedFirst : List.of("/health", "/api/v1/devices", "/api/v1/status")) {
      String answers =
          RawHttp.exchange(server.port(), "GET " + allowedFirst + " HTTP/1.1\r\nHost: localhost\r\n\r\n" + get("/api/v1/devices", "Host: evil.example\r\n"));

      assertThat(answers).as(allowedFirst).startsWith("HTTP/1.1 200").contains("HTTP/1.1 421");
    }
    for (int i = 0; i < 8; i++) {
      assertThat(Wire.raw(server.port(), get("/api/v1/devices", "Host: evil.example\r\n")).status()).isEqualTo(421);
      assertThat(Wire.raw(server.port(), get("/health", "Host: localhost\r\n")).status()).isEqualTo(200);
    }
  }

  @ParameterizedTest(name = "Host: {0}")
  @ValueSource(strings = {"localhost", "LOCALHOST:1234", "127.0.0.1", "[::1]:8080", "lab.example.com", "a.corp.example:443", "localhost."})
  void servesLoopbackNamesAndAllowedHosts(String host) {
    Wire.Answer answer = Wire.raw(server.port(), get("/api/v1/devices", "Host: " + host + "\r\n"));

    assertThat(answer.status()).isEqualTo(200);
  }

  @Test
  void judgesAnAbsoluteFormTargetByItsAuthorityNotItsHostHeader() {
    Wire.Answer rebound = Wire.raw(server.port(), get("http://evil.example/api/v1/devices", "Host: 127.0.0.1\r\n"));
    Wire.Answer local = Wire.raw(server.port(), get("http://localhost:" + server.port() + "/api/v1/devices", "Host: evil.example\r\n"));

    assertThat(rebound.status()).isEqualTo(421);
    assertThat(rebound.error().path("details").path("host").asText()).isEqualTo("evil.example");
    assertThat(local.status()).isEqualTo(200);
  }

  @Test
  void checksEveryRequestOnAKeptAliveConnection() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = new BufferedInputStream(socket.getInputStream());
      out.write(get("/api/v1/status", "Host: localhost\r\n").replace("Connection: close\r\n", "").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String first = readAnswer(in);
      out.write(get("/api/v1/status", "Host: evil.example\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String second = readAnswer(in);

      assertThat(first).startsWith("HTTP/1.1 200");
      assertThat(second).startsWith("HTTP/1.1 421").contains("MISDIRECTED_REQUEST");
    }
  }

  private static String readAnswer(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    HttpAnswers.readHead(in, head);
    String text = head.toString(StandardCharsets.US_ASCII);
    byte[] body = HttpAnswers.framedBody(in, HttpAnswers.headers(text));
    return text + (body == null ? "" : new String(body, StandardCharsets.UTF_8));
  }

  @Test
  void refusesWritesForAnotherHostBeforeAnythingIsCreated() {
    String body = Executions.body(server.serial(0), "echo rebound", 30);
    String request =
        "POST /api/v1/executions HTTP/1.1\r\nHost: evil.example\r\nContent-Type: application/json\r\nContent-Length: "
            + body.length() + "\r\nConnection: close\r\n\r\n" + body;

    Wire.Answer answer = Wire.raw(server.port(), request);

    assertThat(answer.status()).isEqualTo(421);
    assertThat(answer.hasHeader("Location")).isFalse();
    HttpResponse<String> list = server.get("/api/v1/executions?page_size=500");
    assertThat(list.body()).doesNotContain("echo rebound");
  }

  @Test
  void locationNamesTheValidatedHostTheClientUsed() {
    String body = Executions.body(server.serial(1), "echo located", 30);
    String request =
        "POST /api/v1/executions HTTP/1.1\r\nHost: lab.example.com:8443\r\nContent-Type: application/json\r\nContent-Length: "
            + body.length() + "\r\nConnection: close\r\n\r\n" + body;

    Wire.Answer answer = Wire.raw(server.port(), request);

    assertThat(answer.status()).isEqualTo(201);
    assertThat(answer.header("Location")).startsWith("http://lab.example.com:8443/api/v1/executions/ex_");
  }

  @Test
  void refusesAWebSocketHandshakeForAnotherHostBeforeTheUpgrade() {
    Wire.Answer answer = Wire.raw(server.port(), RawWebSocket.handshake("/api/v1/ws/devices", "Host: evil.example:" + server.port() + "\r\n"));

    assertThat(answer.status()).isEqualTo(421);
    assertThat(answer.error().path("code").asText()).isEqualTo(ErrorCode.MISDIRECTED_REQUEST.value());
    assertThat(answer.hasHeader("Upgrade")).isFalse();
  }

  @Test
  void upgradesAWebSocketHandshakeForAnAllowedHost() throws IOException {
    try (RawWebSocket socket =
        RawWebSocket.connect(server.port(), "/api/v1/ws/devices", Duration.ofSeconds(5), "Host: lab.example.com\r\n")) {
      assertThat(socket.read().text()).contains("connection_ack");
    }
  }

  @Test
  void curlWithAnotherHostHeaderGetsTheEnvelope() {
    Wire.Answer answer = Wire.curl("-H", "Host: evil.example", "http://127.0.0.1:" + server.port() + "/api/v1/status");

    assertThat(answer.status()).isEqualTo(421);
    assertThat(answer.header("Content-Type")).startsWith("application/json");
    assertThat(answer.error().path("code").asText()).isEqualTo("MISDIRECTED_REQUEST");
    assertThat(answer.header("X-Request-Id")).isNotBlank();
  }

  @Test
  void theJdkClientOnTheBoundAddressIsServed() {
    HttpResponse<String> response = server.send(server.request("/api/v1/devices").GET());

    assertThat(response.statusCode()).isEqualTo(200);
    Envelopes.parse(response.body());
  }

  @Test
  void requestsWithoutHostOverHttp10AreServed() {
    Wire.Answer answer = Wire.raw(server.port(), "GET /health HTTP/1.0\r\n\r\n");

    assertThat(answer.status()).isEqualTo(200);
  }
}
