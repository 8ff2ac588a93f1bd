package dev.towerline.sdkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.towerline.client.TowerlineClient;
import dev.towerline.client.TowerlineException;
import dev.towerline.sdkit.support.ContractProxy;
import dev.towerline.server.testing.JdkFeedClient;
import dev.towerline.server.testing.RunningServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The proxy the other tests rely on relays HTTP and feeds, and fails a test whose answers break the contract. */
class ContractProxyTest {

  @RegisterExtension @Order(1) static final RunningServer server = new RunningServer();
  @RegisterExtension @Order(2) static final ContractProxy proxy = ContractProxy.inFrontOf(() -> server.uri("/"));

  @Test
  void relaysAFeedCheckingEachFrameTheServerSends() {
    try (JdkFeedClient feed = JdkFeedClient.connect(proxy.webSocketUri("/api/v1/ws/devices"))) {
      assertThat(feed.awaitFrames(2)).extracting(frame -> frame.path("type").asText())
          .containsExactly("connection_ack", "snapshot");
    }

    assertThat(proxy.frames()).extracting(ContractProxy.Frame::feed).startsWith("/api/v1/ws/devices", "/api/v1/ws/devices");
    assertThat(proxy.frames().get(1).text()).contains(server.serial(0));
  }

  @Test
  void checksAFeedHandshakeTheServerRefusesOverHttp() {
    assertThatThrownBy(() -> JdkFeedClient.connect(proxy.webSocketUri("/api/v1/ws/no-such-feed")))
        .isInstanceOf(CompletionException.class);

    assertThat(proxy.exchanges("GET", "/api/v1/ws/no-such-feed")).singleElement()
        .extracting(ContractProxy.Exchange::status).isEqualTo(404);
  }

  @Test
  void anAnswerOutsideTheContractFailsTheTestAfterItRan() throws IOException {
    HttpServer wrong = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    wrong.createContext("/", exchange -> {
      byte[] body = "{\"data\":\"not a list\"}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    wrong.start();
    ContractProxy checked = ContractProxy.inFrontOf(() -> URI.create("http://127.0.0.1:" + wrong.getAddress().getPort() + "/")).start();
    try (TowerlineClient client = TowerlineClient.builder().baseUrl(checked.baseUrl()).build()) {
      assertThatThrownBy(client::listDevices).isInstanceOf(TowerlineException.class);

      assertThat(checked.exchanges()).singleElement().extracting(ContractProxy.Exchange::status).isEqualTo(200);
      assertThatThrownBy(() -> checked.afterEach(null))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("GET /api/v1/devices -> 200");
    } finally {
      checked.close();
      wrong.stop(0);
    }
  }

  @Test
  void aFrameOutsideTheContractFailsTheTestAfterItRan() throws Exception {
    try (ServerSocket wrong = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread feed = new Thread(() -> answerWithOneFrame(wrong, "{\"type\":\"no_such_frame\"}"));
      feed.start();
      ContractProxy checked =
          ContractProxy.inFrontOf(() -> URI.create("http://127.0.0.1:" + wrong.getLocalPort() + "/")).start();
      try {
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
            .buildAsync(checked.webSocketUri("/api/v1/ws/devices"), new WebSocket.Listener() {}).join();

        await().atMost(Duration.ofSeconds(10)).until(() -> !checked.frames().isEmpty());
        socket.abort();
        assertThatThrownBy(() -> checked.afterEach(null))
            .isInstanceOf(AssertionError.class)
            .hasMessageContaining("frame on /api/v1/ws/devices");
      } finally {
        checked.close();
        feed.join(10_000);
      }
    }
  }

  /** A WebSocket server of one connection: the handshake, then one text frame. */
  private static void answerWithOneFrame(ServerSocket listener, String text) {
    try (Socket socket = listener.accept()) {
      InputStream in = socket.getInputStream();
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        head.append((char) in.read());
      }
      Matcher key = Pattern.compile("(?i)sec-websocket-key:\\s*(\\S+)").matcher(head);
      assertThat(key.find()).isTrue();
      OutputStream out = socket.getOutputStream();
      out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Accept: " + accept(key.group(1)) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      byte[] payload = text.getBytes(StandardCharsets.UTF_8);
      out.write(new byte[] {(byte) 0x81, (byte) payload.length});
      out.write(payload);
      out.flush();
      in.read(); // until the client goes away
    } catch (IOException | NoSuchAlgorithmException ignored) {
      // the test's assertions say what went wrong
    }
  }

  private static String accept(String key) throws NoSuchAlgorithmException {
    byte[] sha1 = MessageDigest.getInstance("SHA-1")
        .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.ISO_8859_1));
    return Base64.getEncoder().encodeToString(sha1);
  }
}
