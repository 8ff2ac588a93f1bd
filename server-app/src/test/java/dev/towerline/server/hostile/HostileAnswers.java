package dev.towerline.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.server.testing.ContractOperations;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.RunningServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The classes of answer issue 9 demands of hostile input, asserted without fixing the exact
 * status or code another change decides: a 4xx error envelope whose code {@code error-code.json}
 * documents with that very status, never a 5xx, never internals, never held past the read bound.
 */
final class HostileAnswers {
  /** What a responsive server answers within; the probes timed out at 5 s. */
  static final Duration RESPONSIVE = Duration.ofSeconds(5);

  /** Class names, stack frames and library messages that must never reach a client. */
  private static final List<Pattern> INTERNALS =
      List.of(
          Pattern.compile("Exception"),
          Pattern.compile("\\bat [a-z]+\\.[a-z]+\\."),
          Pattern.compile("\\b(java|javax|jakarta|sun|org\\.glassfish|com\\.fasterxml|org\\.hibernate|dev\\.towerline)\\.[a-z]"),
          Pattern.compile("Caused by"),
          Pattern.compile("(?i)jackson|StreamReadConstraints"),
          Pattern.compile("\\b[A-Za-z]+\\.[a-z][A-Za-z]+\\(\\)"),
          Pattern.compile("(?i)<html"));

  private static final JsonNode ERROR_CODES =
      ContractOperations.read("towerline/contract/schemas/error-code.json").path("x-error-codes");

  private static final HttpClient PROBE =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(RESPONSIVE).build();

  private HostileAnswers() {}

  /** A 4xx envelope (never a 5xx, never held), or, when {@code closeAllowed}, a plain close. */
  static void assertRefused(String what, RawAnswer answer, boolean closeAllowed) {
    assertThat(answer.held()).as("%s: the server %s", what, answer).isFalse();
    if (closeAllowed && answer.closedWithoutAnswer()) {
      return;
    }
    assertThat(answer.status()).as("%s: the server %s", what, answer).isBetween(400, 499);
    assertEnvelope(what, answer.status(), answer.header("Content-Type"), answer.body());
  }

  /**
   * {@code body} is {@code {"error":{"code","message",...},...}} with a code documented with {@code
   * status} in {@code x-error-codes}, sent as JSON, and shows no internals.
   */
  static void assertEnvelope(String what, int status, String contentType, String body) {
    assertThat(contentType).as("%s: Content-Type of the %d answer %s", what, status, body).startsWith("application/json");
    JsonNode error;
    try {
      error = Envelopes.parse(body).path("error");
    } catch (AssertionError notJson) {
      throw new AssertionError(what + ": the " + status + " answer is not JSON: " + Printable.of(body), notJson);
    }
    assertThat(error.isObject()).as("%s: an error envelope, got %s", what, body).isTrue();
    String code = error.path("code").asText();
    assertThat(ERROR_CODES.has(code)).as("%s: code %s is documented in error-code.json (%s)", what, code, body).isTrue();
    assertThat(ERROR_CODES.path(code).path("http_status").asInt())
        .as("%s: the status error-code.json documents for %s (answered %d)", what, code, status)
        .isEqualTo(status);
    assertThat(error.path("message").asText()).as("%s: a message", what).isNotBlank();
    if (error.has("details")) {
      assertThat(error.path("details").isObject()).as("%s: details is an object in %s", what, body).isTrue();
    }
    assertNoInternals(what, body);
  }

  static void assertNoInternals(String what, String text) {
    for (Pattern internal : INTERNALS) {
      assertThat(internal.matcher(text).find()).as("%s: %s shows internals (%s)", what, text, internal).isFalse();
    }
  }

  /** {@code /health} and the device list answer 200 within {@link #RESPONSIVE},. */
  static void assertServes(RunningServer server, String after) {
    for (String path : List.of("/health", "/api/v1/devices")) {
      HttpResponse<String> response = probe(server, path, after);
      assertThat(response.statusCode()).as("GET %s after %s: %s", path, after, response.body()).isEqualTo(200);
      RunningServer.CONTRACT.checkResponse(response);
    }
  }

  /** {@code GET path} with a {@link #RESPONSIVE} time-out; a time-out fails the test naming the path. */
  static HttpResponse<String> probe(RunningServer server, String path, String after) {
    HttpRequest request = HttpRequest.newBuilder(server.uri(path)).timeout(RESPONSIVE).GET().build();
    try {
      return PROBE.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("GET " + path + " after " + after + " did not answer within " + RESPONSIVE + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
