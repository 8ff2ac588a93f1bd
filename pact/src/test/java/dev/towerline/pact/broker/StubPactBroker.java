package dev.towerline.pact.broker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Pact Broker that serves one recorded pact, on a free loopback port. It answers what Pact JVM's
 * broker client asks for when it verifies: the index, "pacts for verification" (a POST carrying the
 * consumer version selectors), the pact with its {@code pb:publish-verification-results} link, and
 * that link's POST. Every request must carry the expected {@code Authorization} header, else 401
 * with a Basic challenge (Pact JVM sends basic credentials only after one). Everything received is
 * recorded for the test to assert on.
 */
public final class StubPactBroker implements AutoCloseable {
  private static final String HAL = "application/hal+json;charset=utf-8";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final String provider;
  private final String consumer;
  private final JsonNode pact;
  private final String authorization;
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

  private StubPactBroker(HttpServer server, JsonNode pact, String authorization) {
    this.server = server;
    this.pact = pact;
    this.provider = pact.path("provider").path("name").asText();
    this.consumer = pact.path("consumer").path("name").asText();
    this.authorization = authorization;
  }

  /**
   * Starts a broker serving {@code pact} (a pact file's content) to clients that send {@code
   * authorization}. Like a real broker, it gives each interaction an {@code _id}.
   */
  public static StubPactBroker serving(JsonNode pact, String authorization) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    StubPactBroker broker = new StubPactBroker(server, withInteractionIds(pact), authorization);
    server.createContext("/", broker::handle);
    server.start();
    return broker;
  }

  /** The broker's base URL, as QA passes it in {@code pactbroker.url}. */
  public URI url() {
    return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
  }

  /** The ids the broker gave the pact's interactions, in the pact's order. */
  public List<String> interactionIds() {
    return pact.path("interactions").findValuesAsText("_id");
  }

  /** Every request received, in order. */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** The bodies of the "pacts for verification" requests. */
  public List<JsonNode> pactsForVerificationRequests() {
    return bodiesOf("POST", pactsForVerificationPath());
  }

  /** The verification results published for the pact. */
  public List<JsonNode> publishedResults() {
    return bodiesOf("POST", verificationResultsPath());
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String sentAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
      requests.add(new RecordedRequest(method, path, sentAuthorization, body));
      if (!Objects.equals(authorization, sentAuthorization)) {
        exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"stub pact broker\"");
        respond(exchange, 401, error("authentication required"));
      } else if (method.equals("GET") && path.equals("/")) {
        respond(exchange, 200, index());
      } else if (method.equals("POST") && path.equals(pactsForVerificationPath())) {
        respond(exchange, 200, pactsForVerification());
      } else if (method.equals("GET") && path.equals(pactPath())) {
        respond(exchange, 200, pactWithLinks());
      } else if (method.equals("POST") && path.equals(verificationResultsPath())) {
        respond(exchange, 201, JSON.createObjectNode().put("success", JSON.readTree(body).path("success").asBoolean()));
      } else {
        respond(exchange, 404, error("no such resource: " + method + " " + path));
      }
    }
  }

  private JsonNode index() {
    ObjectNode links = JSON.createObjectNode();
    links.putObject("pb:provider-pacts-for-verification")
        .put("href", url() + "/pacts/provider/{provider}/for-verification")
        .put("templated", true);
    return JSON.createObjectNode().set("_links", links);
  }

  private JsonNode pactsForVerification() {
    ObjectNode entry = JSON.createObjectNode().put("shortDescription", "latest from " + consumer);
    ObjectNode properties = entry.putObject("verificationProperties").put("pending", false);
    properties.putArray("notices")
        .addObject()
        .put("when", "before_verification")
        .put("text", "The pact at " + url() + pactPath() + " is being verified because it is the latest pact of " + consumer);
    entry.putObject("_links").putObject("self").put("href", url() + pactPath()).put("name", "Pact between " + consumer + " and " + provider);
    ObjectNode answer = JSON.createObjectNode();
    answer.putObject("_embedded").putArray("pacts").add(entry);
    return answer;
  }

  private JsonNode pactWithLinks() {
    ObjectNode served = pact.deepCopy();
    ObjectNode links = served.putObject("_links");
    links.putObject("self").put("href", url() + pactPath());
    links.putObject("pb:publish-verification-results").put("href", url() + verificationResultsPath());
    return served;
  }

  private String pactsForVerificationPath() {
    return "/pacts/provider/" + provider + "/for-verification";
  }

  private String pactPath() {
    return "/pacts/provider/" + provider + "/consumer/" + consumer + "/pact-version/recorded";
  }

  private String verificationResultsPath() {
    return pactPath() + "/verification-results";
  }

  private List<JsonNode> bodiesOf(String method, String path) {
    return requests.stream()
        .filter(r -> r.method().equals(method) && r.path().equals(path) && Objects.equals(r.authorization(), authorization))
        .map(r -> read(r.body()))
        .toList();
  }

  private static JsonNode withInteractionIds(JsonNode pact) {
    ObjectNode copy = pact.deepCopy();
    ArrayNode interactions = (ArrayNode) copy.path("interactions");
    for (int i = 0; i < interactions.size(); i++) {
      ((ObjectNode) interactions.get(i)).put("_id", "interaction-" + (i + 1));
    }
    return copy;
  }

  private static JsonNode error(String message) {
    ObjectNode answer = JSON.createObjectNode();
    answer.putArray("errors").add(message);
    return answer;
  }

  private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", HAL);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
