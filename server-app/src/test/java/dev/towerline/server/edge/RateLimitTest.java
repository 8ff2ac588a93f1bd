package dev.towerline.server.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.adb.MutableClock;
import dev.towerline.server.edge.ratelimit.RateLimit;
import dev.towerline.server.edge.ratelimit.RateLimitConfig;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.JdkFeedClient;
import dev.towerline.server.testing.RawWebSocket;
import dev.towerline.server.testing.RunningServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rate limits on the real server, with time on a clock the test moves: anonymous callers per
 * address (loopback not exempt here), WebSocket connection attempts per address, and frames per
 * connection. Each test starts with every bucket full (the clock jumps past every window).
 */
class RateLimitTest {

  private static final MutableClock CLOCK = MutableClock.atTheEpochOfTheTests();
  private static final Duration PAST_EVERY_WINDOW = Duration.ofMinutes(5);

  @RegisterExtension
  static final RunningServer server =
      new RunningServer()
          .edge(
              edge ->
                  edge.rateLimits(
                      RateLimitConfig.custom()
                          .clock(CLOCK)
                          .exemptLoopback(false)
                          .anonymous(Optional.of(new RateLimit(3, Duration.ofSeconds(60))))
                          .webSocketConnects(Optional.of(new RateLimit(2, Duration.ofSeconds(60))))
                          .webSocketFrames(Optional.of(new RateLimit(5, Duration.ofSeconds(60))))
                          .build()));

  @BeforeEach
  void fillEveryBucket() {
    CLOCK.advance(PAST_EVERY_WINDOW);
  }

  @Test
  void countsDownTheQuotaThenRefuses429UntilATokenIsBack() {
    List<String> remaining = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> ok = server.get("/api/v1/devices");
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.headers().firstValue("RateLimit-Policy")).hasValue("\"anonymous\";q=3;w=60");
      remaining.add(ok.headers().firstValue("RateLimit").orElseThrow());
    }
    assertThat(remaining).containsExactly("\"anonymous\";r=2;t=20", "\"anonymous\";r=1;t=40", "\"anonymous\";r=0;t=60");

    HttpResponse<String> refused = server.get("/api/v1/devices");

    JsonNode error = Envelopes.assertEnvelope(refused, 429, ErrorCode.RATE_LIMITED);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("20");
    assertThat(refused.headers().firstValue("RateLimit")).hasValue("\"anonymous\";r=0;t=20");
    assertThat(refused.headers().firstValue("RateLimit-Policy")).hasValue("\"anonymous\";q=3;w=60");
    assertThat(error.path("details").path("limit").asLong()).isEqualTo(3);
    assertThat(error.path("details").path("window_seconds").asLong()).isEqualTo(60);
    assertThat(error.path("details").path("retry_after_seconds").asLong()).isEqualTo(20);

    CLOCK.advance(Duration.ofSeconds(19));
    assertThat(server.get("/api/v1/devices").statusCode()).isEqualTo(429);
    CLOCK.advance(Duration.ofSeconds(1));
    HttpResponse<String> again = server.get("/api/v1/devices");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.headers().firstValue("RateLimit")).hasValue("\"anonymous\";r=0;t=60");
  }

  @Test
  void limitsWritesAndCurlSeesTheSameHeaders() {
    for (int i = 0; i < 3; i++) {
      server.get("/api/v1/status");
    }

    Wire.Answer answer =
        Wire.curl(
            "-X", "POST", "-H", "Content-Type: application/json", "--data", "{}",
            "http://127.0.0.1:" + server.port() + "/api/v1/executions");

    assertThat(answer.status()).isEqualTo(429);
    assertThat(answer.error().path("code").asText()).isEqualTo("RATE_LIMITED");
    assertThat(answer.header("Retry-After")).isEqualTo("20");
    assertThat(answer.header("RateLimit")).isEqualTo("\"anonymous\";r=0;t=20");
  }

  @Test
  void neverLimitsTheHealthProbes() {
    for (int i = 0; i < 4; i++) {
      server.get("/api/v1/status");
    }
    assertThat(server.get("/api/v1/status").statusCode()).isEqualTo(429);

    for (int i = 0; i < 10; i++) {
      assertThat(server.get("/health").statusCode()).isEqualTo(200);
      assertThat(server.get("/health/ready").statusCode()).isEqualTo(200);
    }
    assertThat(server.get("/health").headers().firstValue("RateLimit")).isEmpty();
  }

  @Test
  void countsRefusalsInTheMetric() {
    for (int i = 0; i < 4; i++) {
      server.get("/api/v1/devices");
    }
    CLOCK.advance(PAST_EVERY_WINDOW);

    String metrics = server.get("/metrics").body();

    assertThat(metrics.lines())
        .anyMatch(
            line -> line.startsWith("towerline_rate_limited_total{")
                && line.contains("limit=\"http\"")
                && line.contains("policy=\"anonymous\"")
                && Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) >= 1);
  }

  @Test
  void limitsWebSocketConnectionAttemptsPerAddressBeforeTheUpgrade() throws IOException {
    try (RawWebSocket first = RawWebSocket.connect(server.port(), "/api/v1/ws/devices")) {
      // Frames on an open connection are not connection attempts.
      for (int i = 0; i < 3; i++) {
        first.sendText("{\"type\":\"ping\",\"ts\":\"2026-11-22T10:00:00Z\",\"nonce\":\"n" + i + "\"}");
      }
      try (RawWebSocket second = RawWebSocket.connect(server.port(), "/api/v1/ws/devices")) {
        Wire.Answer third =
            Wire.raw(server.port(), RawWebSocket.handshake("/api/v1/ws/devices", "Host: 127.0.0.1:" + server.port() + "\r\n"));

        assertThat(third.statusLine()).isEqualTo("HTTP/1.1 429 Too Many Requests");
        assertThat(third.error().path("code").asText()).isEqualTo(ErrorCode.RATE_LIMITED.value());
        assertThat(third.header("Retry-After")).isEqualTo("30");
        assertThat(third.header("RateLimit")).isEqualTo("\"websocket_connect\";r=0;t=30");
        assertThat(third.header("RateLimit-Policy")).isEqualTo("\"websocket_connect\";q=2;w=60");
        assertThat(third.hasHeader("Sec-WebSocket-Accept")).isFalse();
      }
    }
    CLOCK.advance(Duration.ofSeconds(30));
    try (RawWebSocket later = RawWebSocket.connect(server.port(), "/api/v1/ws/devices")) {
      assertThat(later.read().text()).contains("connection_ack");
    }
  }

  @Test
  void closesAFloodingClientWith1008AfterARateLimitedErrorFrame() {
    try (JdkFeedClient client = JdkFeedClient.connect(server, "devices")) {
      client.until(frame -> frame.path("type").asText().equals("snapshot"), "snapshot");
      for (int i = 0; i < 6; i++) {
        client.send("{\"type\":\"ping\",\"ts\":\"2026-11-22T10:00:00Z\",\"nonce\":\"flood-" + i + "\"}");
      }

      List<JsonNode> answers = client.until(frame -> frame.path("type").asText().equals("error"), "the rate-limit error frame");

      assertThat(answers.stream().filter(frame -> frame.path("type").asText().equals("pong"))).hasSize(5);
      JsonNode error = answers.get(answers.size() - 1).path("error");
      assertThat(error.path("code").asText()).isEqualTo(ErrorCode.RATE_LIMITED.value());
      Object closed = client.poll();
      assertThat(closed).isInstanceOf(JdkFeedClient.Closed.class);
      assertThat(((JdkFeedClient.Closed) closed).code()).isEqualTo(1008);
    }
  }
}
