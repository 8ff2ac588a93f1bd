package dev.towerline.server.hostile;

import static dev.towerline.server.hostile.RawCase.answeredOrClosed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.server.testing.RunningServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Slow and stalled clients (issue 9, defect 2; must-be-true 2): clients that trickle their bodies
 * or headers must not starve anyone else, and requests that stop half-way are answered 408 with an
 * envelope or closed within the read bound, never held, never a 5xx.
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

  static List<RawCase> stalledRequests() {
    return List.of(
        answeredOrClosed("body shorter than its Content-Length",
            "POST /api/v1/executions HTTP/1.1\r\n" + HOST + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"device_serial\":"),
        answeredOrClosed("chunked body that never ends",
            "POST /api/v1/executions HTTP/1.1\r\n" + HOST + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":\r\n"),
        answeredOrClosed("headers that never finish", "GET /api/v1/devices HTTP/1.1\r\n" + HOST + "X-Half: "),
        answeredOrClosed("request line that never finishes", "GET /api/v1/dev"),
        answeredOrClosed("connection that never sends a byte", ""));
  }

  /**
   * All stalled requests at once (so they cost one read bound): each gets a 408 envelope or a
   * close, within the bound.
   */
  @Test
  void stalledRequestsAreAnswered408OrClosedWithinTheReadBound() throws Exception {
    Map<String, RawAnswer> answers = RawCases.sendConcurrently(server.port(), stalledRequests());

    for (RawCase stalled : stalledRequests()) {
      RawAnswer answer = answers.get(stalled.name());
      String what = stalled.name() + " [" + stalled.printable() + "]";
      HostileAnswers.assertRefused(what, answer, true);
      if (answer.answered()) {
        assertThat(answer.status()).as("%s: %s", what, answer).isEqualTo(408);
      }
    }
    HostileAnswers.assertServes(server, "the stalled requests");
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
