package dev.towerline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.FeedRecorder;
import dev.towerline.server.testing.Feeds;
import dev.towerline.server.testing.JdkFeedClient;
import dev.towerline.server.testing.RawHttp;
import dev.towerline.server.testing.RunningServer;
import dev.towerline.server.testing.TestTokens;
import jakarta.websocket.DeploymentException;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * AC-908, AC-909: feed handshakes are authenticated with the same tokens, from the {@code
 * Authorization} header or (browsers) {@code ?access_token=}; a refusal is an HTTP 401 envelope
 * before any upgrade.
 */
class FeedAuthTest {
  private static final TestTokens TOKENS = TestTokens.create();
  private static final String KEY_HEADERS = "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n";

  @RegisterExtension static final RunningServer server = new RunningServer().tokens(TOKENS);

  @Test
  void handshakeWithTheAuthorizationHeaderOpensTheFeed() throws Exception {
    FeedRecorder recorder =
        server.feedClients().connectWithHeaders(new FeedRecorder(), "devices", Map.of("Authorization", TOKENS.bearer(Role.VIEWER)));
    assertThat(Feeds.type(recorder.assertNextText())).isEqualTo("connection_ack");
    recorder.close();
  }

  @Test
  void browserStyleHandshakeWithTheAccessTokenQueryOpensTheFeed() {
    try (JdkFeedClient client = JdkFeedClient.connect(server, "executions?access_token=" + TOKENS.token(Role.VIEWER))) {
      assertThat(client.next("connection_ack").path("type").asText()).isEqualTo("connection_ack");
    }
  }

  @Test
  void aTicketFromTheRestApiOpensOneFeedOnce() throws IOException {
    java.net.http.HttpResponse<String> issued =
        server.send(
            server.request("/api/v1/feed-tickets")
                .header("Authorization", TOKENS.bearer(Role.VIEWER))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
    assertThat(issued.statusCode()).isEqualTo(201);
    String ticket = Envelopes.parse(issued.body()).path("ticket").asText();
    assertThat(ticket).startsWith("ft_");
    try (JdkFeedClient client = JdkFeedClient.connect(server, "devices?ticket=" + ticket)) {
      assertThat(client.next("connection_ack").path("type").asText()).isEqualTo("connection_ack");
    }
    assertUnauthenticated(handshake("/api/v1/ws/devices?ticket=" + ticket, ""));
  }

  @Test
  void handshakeWithoutATokenIsRefused401BeforeTheUpgrade() throws IOException {
    String answer = handshake("/api/v1/ws/devices", "");
    assertUnauthenticated(answer);
    assertThatThrownBy(() -> server.feedClients().connectWithHeaders(new FeedRecorder(), "dashboard", Map.of()))
        .isInstanceOf(DeploymentException.class);
  }

  @Test
  void handshakeWithAnUnknownTokenInEitherPlaceIsRefused() throws IOException {
    String unknown = TestTokens.newToken();
    assertUnauthenticated(handshake("/api/v1/ws/devices", "Authorization: Bearer " + unknown + "\r\n"));
    String answer = handshake("/api/v1/ws/executions?access_token=" + unknown, "");
    assertUnauthenticated(answer);
    assertThat(answer).doesNotContain(unknown);
  }

  @Test
  void curlSeesThe401AndTheChallengeInsteadOfAnUpgrade() throws Exception {
    Process curl =
        new ProcessBuilder(
                "curl", "-s", "-i", "--max-time", "5", "-H", "Connection: Upgrade", "-H", "Upgrade: websocket",
                "-H", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "-H", "Sec-WebSocket-Version: 13",
                server.uri("/api/v1/ws/devices").toString())
            .redirectErrorStream(true)
            .start();
    String answer = new String(curl.getInputStream().readAllBytes());
    assertThat(answer).startsWith("HTTP/1.1 401").containsIgnoringCase("WWW-Authenticate: Bearer realm=\"towerline\"").contains("UNAUTHENTICATED");
  }

  private static String handshake(String pathAndQuery, String extraHeaders) throws IOException {
    return RawHttp.exchange(
        server.port(),
        "GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + KEY_HEADERS + extraHeaders + "\r\n");
  }

  private static void assertUnauthenticated(String answer) {
    assertThat(answer).startsWith("HTTP/1.1 401 ").containsIgnoringCase("\r\nWWW-Authenticate: Bearer realm=\"towerline\"");
    JsonNode error = Envelopes.parse(answer.substring(answer.indexOf("\r\n\r\n") + 4)).path("error");
    assertThat(error.path("code").asText()).isEqualTo("UNAUTHENTICATED");
  }
}
