package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.towerline.server.testing.RunningServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.slf4j.LoggerFactory;

/**
 * Sends one list-devices request down the fast path and the same request down Jersey (an {@code
 * Accept} to negotiate sends it there) and keeps what can be compared: status, headers but those
 * that differ per answer by nature, the body without its per-answer fields, the access-log line
 * without its duration. Every response passes the contract check of {@link RunningServer#send}.
 */
final class ListParityProbe implements AutoCloseable {
  /** Takes JSON, but only after negotiation: the fast paths leave it to Jersey. */
  static final String NEGOTIATED_ACCEPT = "application/json, text/plain;q=0.5";
  // The id is fresh per answer; the length follows the timestamp's digits.
  private static final int MAX_ATTEMPTS = 3;
  private static final Set<String> PER_ANSWER_HEADERS = Set.of("x-request-id", "content-length", "date");

  record Answer(int status, Map<String, List<String>> headers, String body, String logLine) {}

  private final RunningServer server;
  private final Set<String> perAnswerHeaders;
  private final Logger accessLogger = (Logger) LoggerFactory.getLogger("towerline.access");
  private final ListAppender<ILoggingEvent> accessLog = new ListAppender<>();

  ListParityProbe(RunningServer server) {
    this(server, Set.of());
  }

  /** @param alsoPerAnswer more headers (lower case) whose values differ per answer, compared by presence only */
  ListParityProbe(RunningServer server, Set<String> alsoPerAnswer) {
    this.server = server;
    this.perAnswerHeaders = alsoPerAnswer;
    accessLog.start();
    accessLogger.addAppender(accessLog);
    accessLogger.setLevel(Level.INFO);
  }

  @Override
  public void close() {
    accessLogger.detachAppender(accessLog);
  }

  Answer fast(String target, UnaryOperator<HttpRequest.Builder> variant) {
    return send(target, variant);
  }

  Answer jersey(String target, UnaryOperator<HttpRequest.Builder> variant) {
    return send(target, request -> variant.apply(request).header("Accept", NEGOTIATED_ACCEPT));
  }

  private Answer send(String target, UnaryOperator<HttpRequest.Builder> variant) {
    String id = "parity-" + UUID.randomUUID();
    HttpResponse<String> response = server.send(variant.apply(server.request(target).GET().header("X-Request-Id", id)));
    assertThat(response.headers().firstValue("X-Request-Id")).hasValue(id);
    List<String> lines =
        accessLog.list.stream()
            .filter(event -> id.equals(event.getMDCPropertyMap().get("request_id")))
            .map(ILoggingEvent::getFormattedMessage)
            .toList();
    assertThat(lines).as("access log lines of " + id).hasSize(1);
    return new Answer(
        response.statusCode(),
        comparableHeaders(response),
        withoutPerAnswerFields(response.body()),
        lines.get(0).replaceAll(" duration_ms=\\S+", ""));
  }

  /**
   * The list's timestamp is the time of the answer; a page token names a snapshot made for it; an
   * error envelope names the request.
   */
  static String withoutPerAnswerFields(String body) {
    return body.replaceAll("\"timestamp\":\"[^\"]*\"", "\"timestamp\":\"…\"")
        .replaceAll("\"request_id\":\"[^\"]*\"", "\"request_id\":\"…\"")
        .replaceAll("\"next_page_token\":\"[^\"]*\"", "\"next_page_token\":\"…\"");
  }

  private Map<String, List<String>> comparableHeaders(HttpResponse<String> response) {
    Map<String, List<String>> headers = new TreeMap<>();
    response.headers().map().forEach((name, values) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (perAnswerHeaders.contains(lower)) {
        headers.put(lower, List.of("(present)"));
      } else if (!PER_ANSWER_HEADERS.contains(lower) && !lower.startsWith(":")) {
        headers.put(lower, values);
      }
    });
    return headers;
  }

  /**
   * Both paths give the one answer to the request; returns the fast path's. A device may change
   * between the two (the simulator moves battery levels and last-seen times), so a pair whose
   * bodies differ is asked again, a few times at most.
   */
  Answer assertSameAnswer(String target, UnaryOperator<HttpRequest.Builder> variant) {
    for (int attempt = 1; ; attempt++) {
      Answer fast = fast(target, variant);
      Answer jersey = jersey(target, variant);
      assertThat(fast.status()).isEqualTo(jersey.status());
      assertThat(fast.headers()).isEqualTo(jersey.headers());
      assertThat(fast.logLine()).isEqualTo(jersey.logLine());
      if (fast.body().equals(jersey.body()) || attempt == MAX_ATTEMPTS) {
        assertThat(fast.body()).isEqualTo(jersey.body());
        return fast;
      }
    }
  }
}
