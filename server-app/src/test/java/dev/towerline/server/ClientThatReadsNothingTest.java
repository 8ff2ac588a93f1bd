package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.server.testing.RawHttp;
import dev.towerline.server.testing.RunningServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A client that sends request after request on one connection and reads none of the answers fills
 * its connection's write queue; the threads that read connections and answer the fast paths serve
 * every other client meanwhile.
 */
class ClientThatReadsNothingTest {
  @RegisterExtension static final RunningServer server = new RunningServer();

  private static final int PIPELINED = 20_000;
  private static final String LIST = "GET /api/v1/devices?page_size=100 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

  @Test
  void otherClientsAreAnsweredWhileOneReadsNothing() throws Exception {
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try (Socket hoarder = new Socket()) {
      hoarder.setReceiveBufferSize(1_024);
      hoarder.connect(new InetSocketAddress("127.0.0.1", server.port()));
      writer.submit(() -> pipelineRequests(hoarder));
      // Answers pile up unread once the hoarder's buffers are full.
      Thread.sleep(2_000);

      List<String> statusLines = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        // A new connection each time: connections are spread over the threads that read them.
        for (String path : List.of("/health", "/api/v1/devices")) {
          String answer = RawHttp.exchangeHead(server.port(), "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
          statusLines.add(answer.substring(0, answer.indexOf("\r\n")));
        }
      }

      assertThat(statusLines).containsOnly("HTTP/1.1 200 OK");
    } finally {
      writer.shutdownNow();
    }
  }

  private static Void pipelineRequests(Socket socket) throws IOException {
    OutputStream out = socket.getOutputStream();
    byte[] request = LIST.getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < PIPELINED; i++) {
      out.write(request);
    }
    out.flush();
    return null;
  }
}
