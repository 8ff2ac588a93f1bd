package dev.towerline.server.hostile;

import static dev.towerline.server.testing.RawWebSocket.BINARY;
import static dev.towerline.server.testing.RawWebSocket.CONTINUATION;
import static dev.towerline.server.testing.RawWebSocket.FIN;
import static dev.towerline.server.testing.RawWebSocket.PING;
import static dev.towerline.server.testing.RawWebSocket.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.server.testing.JdkFeedClient;
import dev.towerline.server.testing.RawWebSocket;
import dev.towerline.server.testing.RunningServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Frames RFC 6455 forbids, sent on an open feed from a bare socket (issue 9, defect 5; must-be-true
 * 3): each connection is closed with a proper close code (1002 protocol error, 1003 unsupported
 * data, 1007 invalid payload, 1008 policy, 1009 too big), or for a binary frame an {@code error}
 * frame; never ignored, never left hanging, and
 * the server keeps serving feeds. The connections run together, so a server that ignores them costs
 * one read bound in all.
 */
class WebSocketFrameAbuseTest {
  private static final Set<Integer> PROPER_CLOSE_CODES = Set.of(1002, 1003, 1007, 1008, 1009);
  private static final byte[] PING_FRAME =
      "{\"type\":\"ping\",\"ts\":\"2026-11-22T10:00:00Z\",\"nonce\":\"n\"}".getBytes(StandardCharsets.UTF_8);

  @RegisterExtension static final RunningServer server = new RunningServer();

  /** What one abusive client sends after a valid handshake. */
  interface Abuse {
    void send(RawWebSocket ws) throws Exception;
  }

  /** @param errorFrameAllowed whether an {@code error} frame may answer instead of a close (well-framed data of the wrong kind) */
  record FrameCase(String name, Abuse abuse, boolean errorFrameAllowed) {
    FrameCase(String name, Abuse abuse) {
      this(name, abuse, false);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** The close code each case got, and the text frames before it. */
  record Outcome(int closeCode, String texts) {}

  private static Map<String, Outcome> outcomes;

  static List<FrameCase> cases() {
    return List.of(
        new FrameCase("unmasked text frame", ws -> ws.sendFrame(FIN | TEXT, PING_FRAME, false)),
        new FrameCase("binary frame", ws -> ws.sendFrame(FIN | BINARY, PING_FRAME, true), true),
        new FrameCase("reserved data opcode 0x3", ws -> ws.sendFrame(FIN | 0x3, PING_FRAME, true)),
        new FrameCase("reserved control opcode 0xB", ws -> ws.sendFrame(FIN | 0xB, new byte[0], true)),
        new FrameCase("RSV1 set without an extension", ws -> ws.sendFrame(FIN | 0x40 | TEXT, PING_FRAME, true)),
        new FrameCase("RSV2 set", ws -> ws.sendFrame(FIN | 0x20 | TEXT, PING_FRAME, true)),
        new FrameCase("RSV3 set", ws -> ws.sendFrame(FIN | 0x10 | TEXT, PING_FRAME, true)),
        new FrameCase("fragmented ping (control frame without FIN)", ws -> ws.sendFrame(PING, new byte[] {1}, true)),
        new FrameCase("ping longer than 125 bytes", ws -> ws.sendFrame(FIN | PING, new byte[126], true)),
        new FrameCase("continuation frame with no message started", ws -> ws.sendFrame(FIN | CONTINUATION, PING_FRAME, true)),
        new FrameCase(
            "new text frame inside a fragmented message",
            ws -> {
              ws.sendFrame(TEXT, "{\"type\":".getBytes(StandardCharsets.UTF_8), true);
              ws.sendFrame(FIN | TEXT, PING_FRAME, true);
            }),
        new FrameCase(
            "invalid UTF-8 in a text frame (a lone surrogate as CESU-8)",
            ws -> ws.sendFrame(FIN | TEXT, new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}, true)),
        new FrameCase(
            "text frame announcing 2^62 bytes",
            ws -> ws.writeRaw(new byte[] {(byte) (FIN | TEXT), (byte) (0x80 | 127), 0x40, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4})));
  }

  @BeforeAll
  static void abuseAllAtOnce() throws Exception {
    List<FrameCase> cases = cases();
    ExecutorService clients = Executors.newFixedThreadPool(cases.size());
    try {
      List<Future<Outcome>> futures = new ArrayList<>();
      for (FrameCase c : cases) {
        futures.add(clients.submit(() -> abuse(c)));
      }
      outcomes = new LinkedHashMap<>();
      for (int i = 0; i < cases.size(); i++) {
        outcomes.put(cases.get(i).name(), futures.get(i).get());
      }
    } finally {
      clients.shutdownNow();
    }
  }

  private static Outcome abuse(FrameCase c) throws Exception {
    try (RawWebSocket ws = RawWebSocket.connect(server.port(), "/api/v1/ws/devices", RawExchange.READ_BOUND)) {
      c.abuse().send(ws);
      StringBuilder texts = new StringBuilder();
      int code = ws.awaitClose(texts);
      return new Outcome(code, texts.toString());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void forbiddenFrameClosesTheConnectionWithAProperCode(FrameCase c) {
    Outcome outcome = outcomes.get(c.name());
    Set<Integer> allowed = new HashSet<>(PROPER_CLOSE_CODES);
    if (c.errorFrameAllowed()) {
      allowed.add(RawWebSocket.ERROR_FRAME);
    }
    assertThat(outcome.closeCode())
        .as("%s: close code (-1: no close frame, -2: held past %s, -3: an error frame); frames before it:%n%s",
            c.name(), RawExchange.READ_BOUND, outcome.texts())
        .isIn(allowed);
    HostileAnswers.assertNoInternals(c.name(), outcome.texts());
  }

  @AfterAll
  static void feedsStillServe() {
    try (JdkFeedClient client = JdkFeedClient.connect(server, "devices")) {
      assertThat(client.next("connection_ack after the frame abuse").path("type").asText()).isEqualTo("connection_ack");
      assertThat(client.next("snapshot after the frame abuse").path("type").asText()).isEqualTo("snapshot");
    }
    HostileAnswers.assertServes(server, "the frame abuse");
  }
}
