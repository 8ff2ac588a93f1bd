package dev.towerline.server.hostile;

import static dev.towerline.server.hostile.RawCase.answered;
import static dev.towerline.server.hostile.RawCase.answeredOrClosed;

import dev.towerline.server.testing.RunningServer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed request lines, headers and framing (issue 9, defects 3 and 5; must-be-true 3 and 4):
 * each is answered with a 4xx envelope whose code is documented with its status, or closed where
 * HTTP allows nothing else, within the read bound; never a 5xx. The requests go out together on
 * their own sockets, so requests a server holds cost one read bound in all.
 */
class MalformedHttpTest {
  private static final String HOST = "Host: 127.0.0.1\r\n";

  @RegisterExtension static final RunningServer server = new RunningServer();

  private static Map<String, RawAnswer> answers;

  /**
   * The cases; the bodies name a real device, so a server that accepted their framing would create
   * an execution (201) rather than refuse a device it does not know.
   */
  static List<RawCase> cases() {
    String body = "{\"device_serial\":\"" + server.serial(0) + "\",\"command\":\"id\"}";
    return List.of(
        answered("unknown HTTP version 9.9", "GET /health HTTP/9.9\r\n" + HOST + "\r\n"),
        answered("HTTP/2.0 in an HTTP/1 request line", "GET /health HTTP/2.0\r\n" + HOST + "\r\n"),
        answered("lower-case protocol name", "GET /health http/1.1\r\n" + HOST + "\r\n"),
        answered("raw space in the path", "GET /he alth HTTP/1.1\r\n" + HOST + "\r\n"),
        answered("raw tab in the path", "GET /he\talth HTTP/1.1\r\n" + HOST + "\r\n"),
        answered("extra token after the version", "GET /health HTTP/1.1 extra\r\n" + HOST + "\r\n"),
        answered("empty method", " /health HTTP/1.1\r\n" + HOST + "\r\n"),
        answered("control character in the method", "G\u0001ET /health HTTP/1.1\r\n" + HOST + "\r\n"),
        answered("percent-encoding that is not hex", "GET /api/v1/devices/%zz HTTP/1.1\r\n" + HOST + "\r\n"),
        answered("asterisk target on GET", "GET * HTTP/1.1\r\n" + HOST + "\r\n"),
        answered("CONNECT", "CONNECT 127.0.0.1:80 HTTP/1.1\r\nHost: 127.0.0.1:80\r\n\r\n"),
        answered("header line without a colon", "GET /health HTTP/1.1\r\n" + HOST + "Foo bar\r\n\r\n"),
        answered("whitespace between header name and colon", "GET /health HTTP/1.1\r\nHost : 127.0.0.1\r\n\r\n"),
        answered(
            "Content-Length together with Transfer-Encoding",
            post("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n")
                + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n"),
        answered(
            "two different Content-Length values",
            post("Content-Length: " + body.length() + "\r\nContent-Length: 3\r\n") + body),
        answered("non-numeric Content-Length", post("Content-Length: abc\r\n") + body),
        answered("negative Content-Length", post("Content-Length: -1\r\n") + body),
        answered("chunk size that is not hex", post("Transfer-Encoding: chunked\r\n") + "zz\r\n" + body + "\r\n0\r\n\r\n"),
        answeredOrClosed("HTTP/2 connection preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"),
        answeredOrClosed("TLS ClientHello on the plain port", tlsClientHello()),
        answeredOrClosed("binary noise", noise()));
  }

  @BeforeAll
  static void sendAll() throws Exception {
    answers = RawCases.sendConcurrently(server.port(), cases());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void malformedRequestIsRefusedWithA4xxEnvelopeWithinTheReadBound(RawCase malformed) {
    HostileAnswers.assertRefused(
        malformed.name() + " [" + malformed.printable() + "]", answers.get(malformed.name()), malformed.closeAllowed());
  }

  @AfterAll
  static void serverStillServes() {
    HostileAnswers.assertServes(server, "the malformed requests");
  }

  private static String post(String framing) {
    return "POST /api/v1/executions HTTP/1.1\r\n" + HOST + "Content-Type: application/json\r\n" + framing + "\r\n";
  }

  /** The first bytes of a TLS 1.2 ClientHello record. */
  private static byte[] tlsClientHello() {
    return new byte[] {0x16, 0x03, 0x01, 0x00, 0x2f, 0x01, 0x00, 0x00, 0x2b, 0x03, 0x03, 0x00, 0x01, 0x02, 0x03, 0x0d, 0x0a, 0x0d, 0x0a};
  }

  /** Seeded random bytes ending like a request head. */
  private static byte[] noise() {
    byte[] noise = new byte[512];
    new Random(9).nextBytes(noise);
    noise[508] = '\r';
    noise[509] = '\n';
    noise[510] = '\r';
    noise[511] = '\n';
    return noise;
  }
}
