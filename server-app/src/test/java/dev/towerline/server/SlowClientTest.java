package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.server.config.ServerConfig;
import dev.towerline.server.testing.RunningServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Slow clients cannot starve the others (issue 9: four uploads sending one byte a second held all
 * of Grizzly's worker threads, and every other request timed out). With 200 uploads trickling their
 * bodies and 200 clients trickling their headers, health and the device list still answer within an
 * ordinary client timeout. A body announced over the limit is refused at once, not waited for.
 */
class SlowClientTest {

  @RegisterExtension static final RunningServer server = new RunningServer();

  private static final int SLOW_BODIES = 200;
  private static final int SLOW_HEADERS = 200;
  private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(5);
  private static final int CHECKS = 4;

  private final List<Socket> slowClients = new ArrayList<>();
  private final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void closeSlowClients() throws IOException {
    trickle.shutdownNow();
    for (Socket socket : slowClients) {
      socket.close();
    }
  }

  @Test
  void slowBodiesAndSlowHeadersLeaveHealthAndDevicesAnswering() throws Exception {
    for (int i = 0; i < SLOW_BODIES; i++) {
      open(
          "POST /api/v1/executions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              + "Content-Length: 2000\r\n\r\n{");
    }
    for (int i = 0; i < SLOW_HEADERS; i++) {
      open("GET /api/v1/devices HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
    }
    // One more byte a second on every connection: a body byte, or a header byte that never ends the line.
    trickle.scheduleAtFixedRate(this::oneMoreByteEach, 1, 1, TimeUnit.SECONDS);
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CLIENT_TIMEOUT).build();

    for (int check = 0; check < CHECKS; check++) {
      assertThat(get(client, "/health").statusCode()).isEqualTo(200);
      assertThat(get(client, "/api/v1/devices").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void uploadAnnouncingMoreThanTheLimitIsRefusedBeforeItsBodyArrives() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout((int) CLIENT_TIMEOUT.toMillis());
      socket.getOutputStream().write(
          ("POST /api/v1/executions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  + "Content-Length: " + (ServerConfig.DEFAULT_MAX_REQUEST_BYTES + 1) + "\r\n\r\n{")
              .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();

      // Read to the close: the rest of the body will never be read, so nothing may follow the answer.
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(answer).startsWith("HTTP/1.1 413 ").contains("\"PAYLOAD_TOO_LARGE\"");
      assertThat(answer.toLowerCase(Locale.ROOT)).contains("\r\nconnection: close\r\n");
    }
  }

  private static HttpResponse<String> get(HttpClient client, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(server.uri(path)).timeout(CLIENT_TIMEOUT).GET().build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    RunningServer.CONTRACT.checkResponse(response);
    return response;
  }

  private void open(String start) throws IOException {
    Socket socket = new Socket("127.0.0.1", server.port());
    slowClients.add(socket);
    OutputStream out = socket.getOutputStream();
    out.write(start.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  private void oneMoreByteEach() {
    for (Socket socket : slowClients) {
      try {
        OutputStream out = socket.getOutputStream();
        out.write('a');
        out.flush();
      } catch (IOException e) {
        // The server may close a connection it timed out; the others keep trickling.
      }
    }
  }
}
