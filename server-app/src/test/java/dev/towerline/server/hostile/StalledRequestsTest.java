package dev.towerline.server.hostile;

import static dev.towerline.server.hostile.RawCase.answeredOrClosed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.server.testing.RunningServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests that stop half-way (issue 9, defects 2 and 3; must-be-true 2): each is answered 408 with
 * an envelope or closed within the read bound, never held, never a 5xx. They are sent together, so
 * they cost one bound in all.
 */
class StalledRequestsTest {
  private static final String HOST = "Host: 127.0.0.1\r\n";

  @RegisterExtension static final RunningServer server = new RunningServer();

  private static Map<String, RawAnswer> answers;

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

  @BeforeAll
  static void stallAllAtOnce() throws Exception {
    answers = RawCases.sendConcurrently(server.port(), stalledRequests());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stalledRequests")
  void stalledRequestIsAnswered408OrClosedWithinTheReadBound(RawCase stalled) {
    RawAnswer answer = answers.get(stalled.name());
    String what = stalled.name() + " [" + stalled.printable() + "]";

    HostileAnswers.assertRefused(what, answer, true);
    if (answer.answered()) {
      assertThat(answer.status()).as("%s: %s", what, answer).isEqualTo(408);
    }
  }

  @AfterAll
  static void serverStillServes() {
    HostileAnswers.assertServes(server, "the stalled requests");
  }
}
