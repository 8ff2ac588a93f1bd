package dev.towerline.server;

import static dev.towerline.server.testing.Envelopes.assertEnvelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.adb.simulator.AdbSimulator;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.adb.AdbConfig;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.RunningServer;
import dev.towerline.server.testing.TestConfigs;
import dev.towerline.testkit.ValidatingHttpClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Serving starts at once even when the ADB server accepts connections and never answers: the
 * server does not wait for ADB, whose call time-out here is ten minutes, and says what it waits for.
 */
class StartupWithHangingAdbTest {
  /** Far beyond the test's patience: a start that waited for ADB would never finish in time. */
  private static final Duration CALL_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration START_BOUND = Duration.ofSeconds(30);

  private final ValidatingHttpClient http =
      ValidatingHttpClient.wrapping(
          HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build(),
          RunningServer.CONTRACT);
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();
  private ServerSocket silentAdb;
  private AdbSimulator simulator;
  private TowerlineServer server;

  @AfterEach
  void stopEverything() throws IOException {
    if (server != null) {
      server.stop();
    }
    if (silentAdb != null) {
      silentAdb.close();
    }
    for (Socket socket : accepted) {
      socket.close();
    }
    if (simulator != null) {
      simulator.close();
    }
  }

  @Test
  void servesHealthAndAnEmptyDeviceListAtOnceWhileAdbAcceptsAndNeverAnswers() throws Exception {
    silentAdb = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptAndSayNothing, "silent-adb");
    acceptor.setDaemon(true);
    acceptor.start();

    server = startWithAdbAt(silentAdb.getLocalPort());

    assertThat(get("/health").statusCode()).isEqualTo(200);
    HttpResponse<String> devices = get("/api/v1/devices");
    assertThat(devices.statusCode()).isEqualTo(200);
    assertThat(Envelopes.parse(devices.body()).path("data")).isEmpty();
    assertThat(accepted).as("the server did try ADB").isNotEmpty();

    HttpResponse<String> ready = get("/health/ready");
    JsonNode notReady = assertEnvelope(ready, 503, ErrorCode.SERVICE_UNAVAILABLE);
    assertThat(notReady.path("details").path("waiting_for").path("adb").asText())
        .isEqualTo("the ADB server 127.0.0.1:" + silentAdb.getLocalPort() + " has not listed its devices yet");
    assertThat(ready.headers().firstValue("Retry-After")).isPresent();

    JsonNode full = assertEnvelope(get("/health/full"), 503, ErrorCode.HEALTH_CHECK_FAILED);
    assertThat(full.path("details").path("checks").path("adb").path("status").asText()).isEqualTo("fail");
    assertThat(full.path("details").path("checks").path("database").path("status").asText()).isEqualTo("pass");
  }

  @Test
  void devicesAppearAndTheServerIsReadyOnceAHangingAdbAnswers() throws Exception {
    simulator = AdbSimulator.demo(TestConfigs.DEFAULT_DEVICES).start();
    simulator.faults().hang(Duration.ofHours(1));

    server = startWithAdbAt(simulator.port());

    assertThat(Envelopes.parse(get("/api/v1/devices").body()).path("data")).isEmpty();
    assertThat(get("/health/ready").statusCode()).isEqualTo(503);

    simulator.faults().clearHang();

    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
        .until(() -> Envelopes.parse(get("/api/v1/devices").body()).path("data").size() == TestConfigs.DEFAULT_DEVICES);
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
        .until(() -> get("/health/ready").statusCode() == 200);
    JsonNode first = Envelopes.parse(get("/api/v1/devices").body()).path("data").get(0);
    assertThat(first.path("state").asText()).isEqualTo("online");
    assertThat(first.path("model").asText()).as("properties were read").isNotBlank();
  }

  private TowerlineServer startWithAdbAt(int port) {
    AdbConfig.Builder adb = AdbConfig.custom().callTimeout(CALL_TIMEOUT);
    return assertTimeoutPreemptively(
        START_BOUND, () -> Main.start(TestConfigs.withAdbAt(port, adb), Clock.systemUTC()), "the server waited for ADB");
  }

  private void acceptAndSayNothing() {
    while (!silentAdb.isClosed()) {
      try {
        accepted.add(silentAdb.accept());
      } catch (IOException closed) {
        return;
      }
    }
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    URI uri = URI.create(server.baseUri() + path);
    return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build());
  }
}
