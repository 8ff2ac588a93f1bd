package dev.towerline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.server.testing.JdkFeedClient;
import dev.towerline.server.testing.ServerProcess;
import dev.towerline.server.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * AC-913, AC-914: a server process with the production logging, in both formats, writes no token
 * after requests that carry them in the header, the query and the path, and names the client and
 * the actor in its access log.
 */
class SecretsInLogsTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @ParameterizedTest
  @ValueSource(strings = {"json", "text"})
  void noTokenReachesTheLogWhereverItWasSent(String format) throws Exception {
    String token = TestTokens.newToken();
    String unknown = TestTokens.newToken();
    Map<String, String> environment =
        Map.of(
            "TOKENS", "ci viewer " + TokenHash.of(token).written(),
            "LOG_FORMAT", format,
            "ADB_SIMULATOR", "1",
            "DATABASE_URL", "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
    try (ServerProcess server = ServerProcess.start(environment, List.of("-Dlogback.configurationFile=logback.xml"))) {
      awaitReady(server);
      assertThat(get(server, "/api/v1/devices", token).statusCode()).isEqualTo(200);
      HttpResponse<String> query = get(server, "/api/v1/devices?access_token=" + token, token);
      assertThat(query.statusCode()).isEqualTo(400);
      assertThat(query.body()).contains("access_token").doesNotContain(token);
      assertThat(get(server, "/api/v1/devices/" + token, token).statusCode()).isEqualTo(404);
      assertThat(get(server, "/api/v1/devices", unknown).statusCode()).isEqualTo(401);
      try (JdkFeedClient feed = JdkFeedClient.connect(server.webSocketUri("/api/v1/ws/devices?access_token=" + token))) {
        feed.next("connection_ack");
      }
      server.process().destroy(); // SIGTERM: the server stops and writes out its queued lines
      assertThat(server.awaitExit(Duration.ofSeconds(20))).isPresent();

      String log = server.log();
      assertThat(log).doesNotContain(token).doesNotContain(token.substring(3)).doesNotContain(unknown.substring(3));
      List<String> accessLines = log.lines().filter(line -> line.contains("towerline.access")).toList();
      assertThat(accessLines).as(log).hasSizeGreaterThanOrEqualTo(4);
      assertThat(accessLines).anySatisfy(line -> assertThat(line).contains("tl_[redacted]"));
      if (format.equals("json")) {
        assertThat(accessLines).anySatisfy(line -> assertThat(line).contains("\"actor\":\"ci\"").contains("\"client\":\"127.0.0.1\""));
        assertThat(accessLines).anySatisfy(line -> assertThat(line).contains("\"status\":401").contains("\"actor\":\"anonymous\""));
      } else {
        assertThat(accessLines).anySatisfy(line -> assertThat(line).contains("actor=ci").contains("client=127.0.0.1"));
        assertThat(accessLines).allSatisfy(line -> assertThat(line).matches("^\\d{4}-\\d\\d-\\d\\dT.*"));
      }
    }
  }

  private static void awaitReady(ServerProcess server) {
    org.awaitility.Awaitility.await()
        .alias("server process ready")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(() -> HTTP.send(HttpRequest.newBuilder(server.uri("/health/ready")).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
  }

  private static HttpResponse<String> get(ServerProcess server, String pathAndQuery, String token) throws Exception {
    URI uri = server.uri(pathAndQuery);
    return HTTP.send(
        HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
