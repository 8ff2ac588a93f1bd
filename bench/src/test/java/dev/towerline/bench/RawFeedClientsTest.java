package dev.towerline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The raw client against a real Tyrus server on loopback (ports 19190–19199 are this helper's). */
class RawFeedClientsTest {
  private static final int PORT = 19190;
  private static final String CHANGE = "{\"type\":\"device.updated\",\"seq\":8,\"device\":{\"serial\":\"GO02A48995\","
      + "\"state\":\"offline\"}}";

  private ScriptedFeedServer server;

  @BeforeEach
  void start() throws Exception {
    server = new ScriptedFeedServer(PORT);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void everyClientGetsTheChangeAfterItsSnapshot() throws Exception {
    try (RawFeedClients clients = new RawFeedClients(server.uri("/feed"))) {
      clients.connectUpTo(3);
      assertThat(clients.open()).isEqualTo(3);
      await().atMost(Duration.ofSeconds(10)).until(() -> server.feed.sessions.size() == 3);
      DeliveryProbe probe = new DeliveryProbe("GO02A48995", "offline", clients.tried(), 3);
      clients.probe(probe);

      server.feed.broadcast(CHANGE);

      assertThat(probe.await(10_000)).isTrue();
      assertThat(probe.received()).isEqualTo(3);
      assertThat(clients.refusals()).isEmpty();
    }
  }

  @Test
  void answersTheServersPingWithAPongOfTheSamePayload() throws Exception {
    try (RawFeedClients clients = new RawFeedClients(server.uri("/feed"))) {
      clients.connectUpTo(1);
      await().atMost(Duration.ofSeconds(10)).until(() -> server.feed.sessions.size() == 1);

      server.feed.ping("heartbeat-1");

      assertThat(server.feed.heard.poll(10, TimeUnit.SECONDS)).isEqualTo("pong heartbeat-1");
    }
  }

  @Test
  void answersTheFeedsPingFrameWithAPongCarryingItsNonce() throws Exception {
    try (RawFeedClients clients = new RawFeedClients(server.uri("/feed"))) {
      clients.connectUpTo(1);
      await().atMost(Duration.ofSeconds(10)).until(() -> server.feed.sessions.size() == 1);

      server.feed.broadcast("{\"type\":\"ping\",\"ts\":\"2026-12-07T18:00:00Z\",\"nonce\":\"2a\"}");

      assertThat(server.feed.heard.poll(10, TimeUnit.SECONDS))
          .startsWith("text {\"type\":\"pong\",\"ts\":\"").endsWith("\",\"nonce\":\"2a\"}");
    }
  }

  @Test
  void closesWithNormalClosureWhenDone() throws Exception {
    RawFeedClients clients = new RawFeedClients(server.uri("/feed"));
    clients.connectUpTo(1);
    await().atMost(Duration.ofSeconds(10)).until(() -> server.feed.sessions.size() == 1);

    clients.close();

    assertThat(server.feed.heard.poll(10, TimeUnit.SECONDS)).isEqualTo("close 1000");
    assertThat(clients.open()).isZero();
  }

  @Test
  void countsARefusedHandshakeByItsHttpStatus() throws Exception {
    try (RawFeedClients clients = new RawFeedClients(server.uri("/refused"))) {
      clients.connectUpTo(2);

      assertThat(clients.open()).isZero();
      assertThat(clients.refusals()).isEqualTo(Map.of("HTTP 403", 2));
    }
  }

  @Test
  void countsConnectionsTheServerClosesAtOnceByTheirCloseCode() throws Exception {
    try (RawFeedClients clients = new RawFeedClients(server.uri("/full"))) {
      clients.connectUpTo(2);

      await().atMost(Duration.ofSeconds(10)).until(() -> clients.open() == 0);
      assertThat(clients.refusals()).isEqualTo(Map.of("close 1013", 2));
    }
  }
}
