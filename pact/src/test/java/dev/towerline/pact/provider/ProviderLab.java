package dev.towerline.pact.provider;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.adb.simulator.AdbSimulator;
import dev.towerline.adb.simulator.DeviceState;
import dev.towerline.adb.simulator.VirtualDevice;
import dev.towerline.server.Main;
import dev.towerline.server.TowerlineServer;
import dev.towerline.server.adb.AdbConfig;
import dev.towerline.server.config.ServerConfig;
import dev.towerline.server.config.TowerlineConfig;
import dev.towerline.server.executions.ExecutionConfig;
import dev.towerline.server.store.DatabaseConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.awaitility.core.ConditionFactory;

/**
 * The provider under verification: the real server, wired by {@link Main}, on a free loopback port,
 * with a private in-memory H2 and an ADB simulator that starts empty. Its methods are the steps the
 * provider states are made of; each one changes the lab through the simulator or the public API
 * and waits until the server shows the result, so the state holds when its interaction is replayed.
 */
final class ProviderLab implements AutoCloseable {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Duration POLL = Duration.ofMillis(50);
  /** Outlasts the whole verification: a breaker a state opened is still open when its interaction runs. */
  private static final Duration BREAKER_COOLDOWN = Duration.ofMinutes(5);
  private static final String EXECUTIONS = "/api/v1/executions";

  private final AdbSimulator adb;
  private final TowerlineServer server;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(WAIT).build();
  private final ObjectMapper json = new ObjectMapper();

  private ProviderLab(AdbSimulator adb, TowerlineServer server) {
    this.adb = adb;
    this.server = server;
  }

  static ProviderLab start() throws IOException {
    AdbSimulator adb = AdbSimulator.builder().build().start();
    try {
      return new ProviderLab(adb, Main.start(config(adb.port()), Clock.systemUTC()));
    } catch (IOException | RuntimeException e) {
      adb.close();
      throw e;
    }
  }

  private static TowerlineConfig config(int adbPort) {
    AdbConfig adb =
        AdbConfig.custom()
            .adbServer("127.0.0.1", adbPort)
            .breakerCooldown(BREAKER_COOLDOWN)
            // Failed ADB commands are retried at once, so a state that fails them is quick.
            .retryBackoff(Duration.ofMillis(10), Duration.ofMillis(20))
            .build();
    return new TowerlineConfig(
        ServerConfig.custom().port(0).build(),
        DatabaseConfig.custom().url("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1").build(),
        adb,
        ExecutionConfig.custom().outputFlush(Duration.ofMillis(50)).build());
  }

  String host() {
    return server.baseUri().getHost();
  }

  int port() {
    return server.port();
  }

  /**
   * Plugs the device in (the simulator's default Pixel 7) unless it is there, puts it online, and
   * waits until the server shows it online and idle with its properties read.
   */
  void deviceOnline(String serial) {
    if (adb.device(serial).isEmpty()) {
      adb.putDevice(VirtualDevice.builder(serial).build());
    } else if (adb.device(serial).get().state() != DeviceState.DEVICE) {
      adb.setState(serial, DeviceState.DEVICE);
    }
    waiting("device " + serial + " online and idle").until(() -> {
      JsonNode device = device(serial);
      return device != null
          && device.path("state").asText().equals("online")
          && device.has("model")
          && device.has("battery_level");
    });
  }

  /** Fails unless the lab never had the device: the server cannot have seen it then. */
  void deviceNeverPlugged(String serial) {
    if (adb.device(serial).isPresent()) {
      throw new IllegalStateException("the lab has a device " + serial + "; the server has seen it");
    }
  }

  /**
   * Fails the device's next ADB commands, as many as open its breaker, and makes it run one (an
   * execution, whose attempts take the failures); then waits until the breaker is open.
   */
  void openBreaker(String serial) {
    deviceOnline(serial);
    if (!breakerState(serial).equals("open")) {
      adb.faults().failNextCommands(serial, AdbConfig.DEFAULT_BREAKER_FAILURES);
      create(Map.of("device_serial", serial, "command", "echo trip", "timeout_seconds", 60), null);
      waiting("breaker of " + serial + " open").until(() -> breakerState(serial).equals("open"));
    }
  }

  /** Creates an execution from the create request's fields on an online device; returns its id. */
  String createdExecution(Map<String, Object> request, String idempotencyKey) {
    deviceOnline(Objects.toString(request.get("device_serial")));
    return create(request, idempotencyKey);
  }

  /** Waits until the execution has this status; fails at once if it finished with another. */
  void awaitStatus(String executionId, String status) {
    waiting("execution " + executionId + " " + status).until(() -> {
      String now = send(HttpRequest.newBuilder(uri(EXECUTIONS + "/" + executionId)).GET()).path("status").asText();
      if (!now.equals(status) && !now.equals("queued") && !now.equals("running")) {
        throw new IllegalStateException("execution " + executionId + " ended " + now + ", not " + status);
      }
      return now.equals(status);
    });
  }

  /** The latest seq the executions feed has issued, 0 when none. */
  long latestExecutionsSeq() {
    return events(0, 1).path("metadata").path("latest_seq").asLong();
  }

  /** Waits for the first executions-feed event after {@code since} about the execution; its seq. */
  long firstEventSeq(String executionId, long since) {
    return waiting("the creation of " + executionId + " logged").until(() -> {
      for (JsonNode event : events(since, 500).path("data")) {
        if (event.path("execution").path("id").asText().equals(executionId)) {
          return event.path("seq").asLong();
        }
      }
      return null;
    }, Objects::nonNull);
  }

  @Override
  public void close() {
    server.close();
    adb.close();
  }

  private String create(Map<String, Object> request, String idempotencyKey) {
    HttpRequest.Builder post =
        HttpRequest.newBuilder(uri(EXECUTIONS))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(write(request)));
    if (idempotencyKey != null) {
      post.header("Idempotency-Key", idempotencyKey);
    }
    return send(post).path("id").asText();
  }

  private JsonNode events(long since, int pageSize) {
    return send(HttpRequest.newBuilder(uri("/api/v1/events?feed=executions&since=" + since + "&page_size=" + pageSize)).GET());
  }

  private String breakerState(String serial) {
    JsonNode device = device(serial);
    return device == null ? "" : device.path("link").path("breaker_state").asText();
  }

  /** The device as the server shows it; null while the server does not know it. */
  private JsonNode device(String serial) {
    HttpResponse<String> response = exchange(HttpRequest.newBuilder(uri("/api/v1/devices/" + serial)).GET());
    return response.statusCode() == 404 ? null : read(response);
  }

  /** Sends the request; a 2xx answer's body, else an exception naming the answer. */
  private JsonNode send(HttpRequest.Builder request) {
    return read(exchange(request));
  }

  private HttpResponse<String> exchange(HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private JsonNode read(HttpResponse<String> response) {
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
          + response.statusCode() + ": " + response.body());
    }
    try {
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String write(Map<String, Object> body) {
    try {
      return json.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private URI uri(String pathAndQuery) {
    return URI.create(server.baseUri() + pathAndQuery);
  }

  private static ConditionFactory waiting(String what) {
    return await(what).atMost(WAIT).pollInterval(POLL).pollDelay(Duration.ZERO);
  }
}
