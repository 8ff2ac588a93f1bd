package dev.towerline.server.hostile;

import dev.towerline.server.testing.RunningServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Slow clients (issue 9, defect 2; must-be-true 2): clients that trickle their bodies or headers
 * must not starve anyone else. {@link StalledRequestsTest} covers clients that stop altogether.
 */
class SlowClientsTest {
  private static final int SLOW_BODIES = 50;
  private static final int SLOW_HEADERS = 50;
  private static final long TRICKLE_MILLIS = 500;
  private static final int PROBES = 6;
  private static final String HOST = "Host: 127.0.0.1\r\n";

  @RegisterExtension static final RunningServer server = new RunningServer();

  @Test
  void slowBodiesAndSlowHeadersDoNotStarveOtherClients() throws Exception {
    List<Socket> slow = new ArrayList<>();
    ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
    try {
      for (int i = 0; i < SLOW_BODIES; i++) {
        slow.add(opened("POST /api/v1/executions HTTP/1.1\r\n" + HOST + "Content-Type: application/json\r\nContent-Length: 2000\r\n\r\n{"));
      }
      for (int i = 0; i < SLOW_HEADERS; i++) {
        slow.add(opened("GET /api/v1/devices HTTP/1.1\r\n" + HOST + "X-Slow-" + i + ": "));
      }
      trickle.scheduleAtFixedRate(() -> slow.forEach(SlowClientsTest::oneMoreByte), TRICKLE_MILLIS, TRICKLE_MILLIS, TimeUnit.MILLISECONDS);

      for (int probe = 1; probe <= PROBES; probe++) {
        HostileAnswers.assertServes(server, "probe " + probe + " of " + PROBES + " while " + slow.size() + " clients trickle");
      }
    } finally {
      trickle.shutdownNow();
      for (Socket socket : slow) {
        socket.close();
      }
    }
    HostileAnswers.assertServes(server, "the slow clients left");
  }

  private static Socket opened(String start) throws IOException {
    Socket socket = new Socket("127.0.0.1", server.port());
    OutputStream out = socket.getOutputStream();
    out.write(start.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return socket;
  }

  /** A byte of a body, or of a header value; a closed socket (the server gave up on it) is fine. */
  private static void oneMoreByte(Socket socket) {
    try {
      socket.getOutputStream().write('a');
    } catch (IOException serverClosedIt) {
      // The server may drop a slow client; others must still be served.
    }
  }
}
