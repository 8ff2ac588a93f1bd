package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.protocol.Feed;
import dev.towerline.server.feed.FeedHandshake;
import dev.towerline.server.feed.HandshakeDecision;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.FeedRecorder;
import dev.towerline.server.testing.Feeds;
import dev.towerline.server.testing.RawHttp;
import dev.towerline.server.testing.RunningServer;
import jakarta.websocket.DeploymentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The handshake authorization hook: it sees each handshake's headers and query, and a refusal is
 * answered over plain HTTP (401/403 and the envelope) before any socket opens.
 */
class FeedHandshakeTest {

  private static final String GOOD_TOKEN = "Bearer lab-7";
  private static final String CHALLENGE = "Bearer realm=\"towerline\"";
  private static final List<FeedHandshake> seen = new CopyOnWriteArrayList<>();

  @RegisterExtension
  static final RunningServer server = new RunningServer().feeds(feeds -> feeds.authorizer(FeedHandshakeTest::decide));

  private static final Feeds feeds = server.feedClients();

  private static HandshakeDecision decide(FeedHandshake handshake) {
    seen.add(handshake);
    if (handshake.queryParameter("explode").isPresent()) {
      throw new IllegalStateException("a bug in the authorizer");
    }
    Optional<String> credentials = handshake.header("authorization");
    if (credentials.isEmpty()) {
      return HandshakeDecision.unauthenticated(CHALLENGE, "Send a bearer token");
    }
    if (!credentials.get().equals(GOOD_TOKEN)) {
      return HandshakeDecision.forbidden("This token may not watch the " + handshake.feed().value() + " feed");
    }
    return HandshakeDecision.allow();
  }

  @Test
  void authHookSeesHeadersAndQuery() throws Exception {
    FeedRecorder recorder =
        feeds.connectWithHeaders(
            new FeedRecorder(),
            "executions?device_serial=" + server.serial(0) + "&execution_id=ex_1",
            Map.of("Authorization", GOOD_TOKEN, "X-Lab", "rack-3"));

    assertThat(Feeds.type(recorder.assertNextText())).isEqualTo("connection_ack");
    FeedHandshake handshake =
        seen.stream().filter(h -> h.header("X-Lab").isPresent()).findFirst().orElseThrow();
    assertThat(handshake.feed()).isEqualTo(Feed.EXECUTIONS);
    assertThat(handshake.header("x-lab")).hasValue("rack-3");
    assertThat(handshake.header("AUTHORIZATION")).hasValue(GOOD_TOKEN);
    assertThat(handshake.queryParameter("device_serial")).hasValue(server.serial(0));
    assertThat(handshake.queryParameter("execution_id")).hasValue("ex_1");
    recorder.close();
  }

  @Test
  void aHandshakeWithoutCredentialsIsAnswered401AndNeverUpgraded() throws Exception {
    String answer = RawHttp.exchange(server.port(), handshake("/api/v1/ws/devices", ""));

    assertThat(statusOf(answer)).isEqualTo(401);
    assertThat(answer).contains("WWW-Authenticate: " + CHALLENGE).doesNotContain("Sec-WebSocket-Accept");
    assertThat(errorOf(answer).path("code").asText()).isEqualTo("UNAUTHENTICATED");
    assertThat(errorOf(answer).path("message").asText()).isEqualTo("Send a bearer token");
  }

  @Test
  void credentialsThatDoNotAllowTheFeedAreAnswered403() throws Exception {
    String answer = RawHttp.exchange(server.port(), handshake("/api/v1/ws/dashboard", "Authorization: Bearer intruder\r\n"));

    assertThat(statusOf(answer)).isEqualTo(403);
    assertThat(answer).doesNotContain("WWW-Authenticate").doesNotContain("Sec-WebSocket-Accept");
    assertThat(errorOf(answer).path("code").asText()).isEqualTo("FORBIDDEN");
    assertThat(errorOf(answer).path("message").asText()).isEqualTo("This token may not watch the dashboard feed");
  }

  @Test
  void concurrentHandshakesAreEachDecidedOnTheirOwnCredentials() throws Exception {
    int pairs = 12;
    ExecutorService clients = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> outcomes = new ArrayList<>();
      for (int i = 0; i < 2 * pairs; i++) {
        String token = i % 2 == 0 ? GOOD_TOKEN : "Bearer intruder-" + i;
        outcomes.add(clients.submit(() -> connectAs(token)));
      }
      List<String> results = new ArrayList<>();
      for (Future<String> outcome : outcomes) {
        results.add(outcome.get());
      }
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i)).as("handshake %d", i).isEqualTo(i % 2 == 0 ? "connection_ack" : "refused");
      }
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void aFailingAuthorizerRefusesTheHandshakeRatherThanOpeningTheFeed() throws Exception {
    String answer =
        RawHttp.exchange(server.port(), handshake("/api/v1/ws/devices?explode=1", "Authorization: " + GOOD_TOKEN + "\r\n"));

    assertThat(statusOf(answer)).isEqualTo(500);
    assertThat(errorOf(answer).path("code").asText()).isEqualTo("INTERNAL_ERROR");
    assertThat(answer).doesNotContain("a bug in the authorizer").doesNotContain("Exception");
  }

  private static String connectAs(String token) throws Exception {
    FeedRecorder recorder = new FeedRecorder();
    try {
      feeds.connectWithHeaders(recorder, "devices", Map.of("Authorization", token));
    } catch (DeploymentException refused) {
      return "refused";
    }
    String first = Feeds.type(recorder.assertNextText());
    recorder.close();
    return first;
  }

  private static String handshake(String target, String extraHeaders) {
    return "GET " + target + " HTTP/1.1\r\n"
        + "Host: 127.0.0.1\r\n"
        + "Upgrade: websocket\r\n"
        + "Connection: Upgrade\r\n"
        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
        + "Sec-WebSocket-Version: 13\r\n"
        + extraHeaders
        + "\r\n";
  }

  private static int statusOf(String answer) {
    return Integer.parseInt(answer.substring(0, answer.indexOf("\r\n")).split(" ")[1]);
  }

  private static JsonNode errorOf(String answer) {
    return Envelopes.parse(answer.substring(answer.indexOf("\r\n\r\n") + 4)).path("error");
  }
}
