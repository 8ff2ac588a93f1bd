package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.server.adb.LogCapture;
import dev.towerline.server.config.ServerConfig;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.RunningServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;

/**
 * Requests that never finish end within the default read timeout with a 408 envelope and a close
 * (issue 9: they were held 60–90 s, then answered 500), while connections that are merely idle —
 * keep-alive between requests, an upgraded WebSocket — are not cut by it.
 */
class RequestReadTimeoutTest {

  @RegisterExtension static final RunningServer server = new RunningServer();

  private static final Duration READ_TIMEOUT = ServerConfig.DEFAULT_REQUEST_READ_TIMEOUT;
  // Far beyond the read timeout, short of a hold: an answer later than this is a hang.
  private static final Duration ANSWER_BOUND = READ_TIMEOUT.plusSeconds(5);
  private static final String CREATE_HEAD =
      "POST /api/v1/executions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n";

  @Test
  void incompleteRequestsGet408WhileIdleKeepAliveAndWebSocketConnectionsStay() throws Exception {
    try (Socket keepAlive = connect()) {
      assertThat(statusOf(keepAliveGet(keepAlive))).isEqualTo(200);
      RecordingListener feed = new RecordingListener();
      WebSocket webSocket =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .buildAsync(server.webSocketUri("/api/v1/ws/devices"), feed)
              .get(RunningServer.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);

      CompletableFuture<String> shortBody = answerTo(CREATE_HEAD + "Content-Length: 100\r\n\r\n{\"device_serial\":");
      CompletableFuture<String> endlessChunks =
          answerTo(CREATE_HEAD + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n");
      // On a connection that already served a request: each request gets its own deadline.
      CompletableFuture<String> unfinishedHeaders = answerTo(CREATE_HEAD + "X-Never-Ends: abc", true);

      for (CompletableFuture<String> answer : List.of(shortBody, endlessChunks, unfinishedHeaders)) {
        JsonNode error = assertRequestTimeout(answer.get(ANSWER_BOUND.toMillis(), TimeUnit.MILLISECONDS));
        assertThat(error.path("details").path("timeout_ms").asLong()).isEqualTo(READ_TIMEOUT.toMillis());
      }
      // Both connections have now been idle for longer than the read timeout.
      assertThat(statusOf(keepAliveGet(keepAlive))).isEqualTo(200);
      webSocket.sendPing(ByteBuffer.wrap(new byte[] {42}));
      assertThat(feed.pong.get(RunningServer.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo((byte) 42);
      webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
  }

  @Test
  void abortedUploadLogsNoErrorAndNoStackTrace() throws Exception {
    try (LogCapture log = new LogCapture(Logger.ROOT_LOGGER_NAME)) {
      for (int upload = 0; upload < 3; upload++) {
        try (Socket socket = connect()) {
          socket.getOutputStream().write((CREATE_HEAD + "Content-Length: 500\r\n\r\n{\"device_serial\":").getBytes(StandardCharsets.US_ASCII));
          socket.getOutputStream().flush();
        }
      }
      // Without a trace the server would have logged it while handling the close; give it that time.
      await()
          .during(Duration.ofSeconds(1))
          .atMost(Duration.ofSeconds(3))
          .until(() -> log.jsonLinesContaining("").stream().noneMatch(RequestReadTimeoutTest::isErrorOrStackTrace));
      assertThat(server.get("/health").statusCode()).isEqualTo(200);
    }
  }

  private static boolean isErrorOrStackTrace(String jsonLine) {
    return jsonLine.contains("\"level\":\"ERROR\"") || jsonLine.contains("\"stack_trace\"");
  }

  private static JsonNode assertRequestTimeout(String answer) {
    assertThat(answer).startsWith("HTTP/1.1 408 ");
    assertThat(answer.toLowerCase(Locale.ROOT)).contains("\r\nconnection: close\r\n");
    String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
    RunningServer.CONTRACT.checkResponse("POST", "/api/v1/executions", 408, headers(answer), body);
    JsonNode error = Envelopes.parse(body).path("error");
    assertThat(error.path("code").asText()).isEqualTo("REQUEST_TIMEOUT");
    return error;
  }

  private static CompletableFuture<String> answerTo(String start) {
    return answerTo(start, false);
  }

  /**
   * Sends {@code start} and nothing more, after a whole {@code GET /health} if {@code afterAnotherRequest};
   * completes with everything the server sends then, up to its close.
   */
  private static CompletableFuture<String> answerTo(String start, boolean afterAnotherRequest) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (Socket socket = connect()) {
            if (afterAnotherRequest) {
              assertThat(statusOf(keepAliveGet(socket))).isEqualTo(200);
            }
            socket.getOutputStream().write(start.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private static Socket connect() throws IOException {
    Socket socket = new Socket("127.0.0.1", server.port());
    socket.setSoTimeout((int) ANSWER_BOUND.toMillis());
    return socket;
  }

  /** One {@code GET /health} on a kept-alive connection; returns the head and body read by Content-Length. */
  private static String keepAliveGet(Socket socket) throws IOException {
    socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int next = in.read();
      if (next < 0) {
        throw new IOException("The server closed the kept-alive connection: " + head);
      }
      head.write(next);
    }
    String headText = head.toString(StandardCharsets.US_ASCII);
    int length = Integer.parseInt(headers(headText).get("Content-Length").get(0));
    return headText + new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  private static int statusOf(String answer) {
    return Integer.parseInt(answer.substring(9, 12));
  }

  private static Map<String, List<String>> headers(String answer) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.computeIfAbsent(line.substring(0, colon).trim(), name -> new ArrayList<>()).add(line.substring(colon + 1).trim());
      }
    }
    return headers;
  }

  private static final class RecordingListener implements WebSocket.Listener {
    final CompletableFuture<Byte> pong = new CompletableFuture<>();

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
      pong.complete(message.get());
      webSocket.request(1);
      return null;
    }
  }
}
