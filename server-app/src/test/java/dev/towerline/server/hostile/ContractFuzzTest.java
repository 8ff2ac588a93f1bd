package dev.towerline.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.adb.simulator.DeviceState;
import dev.towerline.server.testing.ContractOperations;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.Executions;
import dev.towerline.server.testing.JdkFeedClient;
import dev.towerline.server.testing.RunningServer;
import dev.towerline.testkit.ContractViolation;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract-driven fuzzer (issue 9, must-be-true 9) against a real server with the ADB
 * simulator, over the JDK HttpClient (HTTP/1.1). Every case, whatever it sends, must be answered
 * below 500, with a status {@code openapi.yaml} documents for its operation and a body that fits
 * (the contract-testkit's check), every error as an envelope with a documented code and no
 * internals; a case that breaks the contract must get a 4xx. After each operation's cases the
 * server must still serve, and after the run both event feeds must be gap-free over HTTP and over a
 * WebSocket replay from {@code since=0}, and deliver new events to subscribers connected before the
 * run.
 *
 * <p>Seed: {@code -Dtowerline.fuzz.seed=<n>} (default {@value ContractFuzzer#DEFAULT_SEED}); each
 * failure names its case, its request and the seed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContractFuzzTest {
  private static final long SEED = ContractFuzzer.seedFromSystemProperty();
  private static final Duration CASE_TIMEOUT = Duration.ofSeconds(10);
  private static final List<String> EVENT_FEEDS = List.of("executions", "devices");

  @RegisterExtension static final RunningServer server = new RunningServer();

  private static final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CASE_TIMEOUT).build();
  private static final List<JdkFeedClient> liveSubscribers = new ArrayList<>();

  @BeforeAll
  static void subscribeBeforeTheRun() {
    for (String feed : EVENT_FEEDS) {
      JdkFeedClient subscriber = JdkFeedClient.connect(server, feed);
      assertThat(subscriber.next("connection_ack").path("type").asText()).isEqualTo("connection_ack");
      assertThat(subscriber.next("snapshot").path("type").asText()).isEqualTo("snapshot");
      liveSubscribers.add(subscriber);
    }
  }

  @AfterAll
  static void disconnect() {
    liveSubscribers.forEach(JdkFeedClient::close);
  }

  @TestFactory
  @Order(1)
  Stream<DynamicNode> everyOperationParameterAndBodyFieldIsFuzzed() {
    String executionId = new Executions(server).create(server.serial(0), "echo fuzz", null).path("id").asText();
    Map<String, String> known =
        Map.of(
            "serial", server.serial(0),
            "execution_id", executionId,
            "device_serial", server.serial(1),
            "file", "device.json",
            "feed", "executions");
    Map<String, List<FuzzCase>> cases = new ContractFuzzer(new SpecSchemas(ContractOperations.openApi()), SEED, known).casesByOperation();
    assertThat(cases.values().stream().mapToInt(List::size).sum()).as("cases generated with seed %d", SEED).isGreaterThan(300);
    return cases.entrySet().stream()
        .map(
            operation ->
                dynamicContainer(
                    operation.getKey() + " (" + operation.getValue().size() + " cases, seed " + SEED + ")",
                    Stream.concat(
                        operation.getValue().stream().map(c -> dynamicTest(c.name(), () -> run(c))),
                        Stream.of(
                            dynamicTest(
                                "server still serves after the " + operation.getKey() + " cases",
                                () -> HostileAnswers.assertServes(server, "the " + operation.getKey() + " cases (seed " + SEED + ")"))))));
  }

  @Test
  @Order(2)
  void feedsStayGapFreeAndDeliverAfterTheRun() {
    String id = new Executions(server).create(server.serial(3), "echo after-fuzz", null).path("id").asText();
    server.adb().setState(server.serial(2), DeviceState.OFFLINE);

    liveSubscribers.get(0).until(f -> f.path("type").asText().equals("execution.updated") && f.path("execution").path("id").asText().equals(id),
        "live executions subscriber: the execution created after the run (seed " + SEED + ")");
    liveSubscribers.get(1).until(f -> f.path("type").asText().equals("device.updated")
            && f.path("device").path("serial").asText().equals(server.serial(2)) && f.path("device").path("state").asText().equals("offline"),
        "live devices subscriber: the device that went offline after the run (seed " + SEED + ")");
    for (String feed : EVENT_FEEDS) {
      List<Long> overHttp = seqsOverHttp(feed);
      assertContiguous(feed + " over GET /api/v1/events", overHttp);
      List<Long> replayed = seqsReplayedOverWebSocket(feed, overHttp.get(overHttp.size() - 1));
      assertContiguous(feed + " replayed over the WebSocket from since=0", replayed);
      assertThat(replayed).as("%s: the replay has the events the HTTP log has (seed %d)", feed, SEED).startsWith(overHttp.toArray(Long[]::new));
    }
  }

  private static void run(FuzzCase c) throws Exception {
    HttpResponse<String> response;
    try {
      response = http.send(request(c), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw new AssertionError(c.describe() + "\n  held past " + CASE_TIMEOUT, e);
    } catch (IOException e) {
      throw new AssertionError(c.describe() + "\n  no answer: " + e, e);
    }
    String context = c.describe() + "\n  answered " + response.statusCode() + ": " + Printable.of(response.body());
    assertThat(response.statusCode()).as(context).isLessThan(500);
    if (c.expect() == Expect.REFUSED) {
      assertThat(response.statusCode()).as(context).isBetween(400, 499);
    }
    try {
      RunningServer.CONTRACT.checkResponse(response);
    } catch (ContractViolation violation) {
      throw new AssertionError(context + "\n  breaks the contract: " + violation.getMessage(), violation);
    }
    if (response.statusCode() >= 400) {
      HostileAnswers.assertEnvelope(context, response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body());
    }
  }

  private static HttpRequest request(FuzzCase c) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.uri(c.target()))
            .timeout(CASE_TIMEOUT)
            .method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(c.body()));
    c.headers().forEach(request::header);
    return request.build();
  }

  /** Every seq of {@code feed}'s retained log, page by page, each page checked by the contract. */
  private static List<Long> seqsOverHttp(String feed) {
    List<Long> seqs = new ArrayList<>();
    String query = "/api/v1/events?feed=" + feed + "&since=0&page_size=500";
    String token = null;
    do {
      HttpResponse<String> page = server.get(query + (token == null ? "" : "&page_token=" + token));
      assertThat(page.statusCode()).as("GET /api/v1/events for %s: %s", feed, page.body()).isEqualTo(200);
      JsonNode body = Envelopes.parse(page.body());
      body.path("data").forEach(event -> seqs.add(event.path("seq").asLong()));
      token = body.path("metadata").path("next_page_token").asText(null);
    } while (token != null);
    assertThat(seqs).as("events of %s after the run", feed).isNotEmpty();
    return seqs;
  }

  /** The seqs a new subscriber with {@code since=0} is sent, up to {@code latest}. */
  private static List<Long> seqsReplayedOverWebSocket(String feed, long latest) {
    try (JdkFeedClient replay = JdkFeedClient.connect(server, feed + "?since=0")) {
      List<JsonNode> frames = replay.until(f -> f.path("seq").asLong() >= latest, feed + " replay from since=0 up to seq " + latest + " (seed " + SEED + ")");
      return frames.stream().filter(f -> f.has("seq") && !f.path("type").asText().equals("snapshot")).map(f -> f.path("seq").asLong()).toList();
    }
  }

  private static void assertContiguous(String what, List<Long> seqs) {
    for (int i = 1; i < seqs.size(); i++) {
      assertThat(seqs.get(i)).as("%s: the seq after %d (seed %d)", what, seqs.get(i - 1), SEED).isEqualTo(seqs.get(i - 1) + 1);
    }
  }
}
