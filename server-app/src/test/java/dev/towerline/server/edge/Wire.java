package dev.towerline.server.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.HttpAnswers;
import dev.towerline.server.testing.RawHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Requests as other clients send them: raw bytes on a socket, and curl. */
final class Wire {

  private Wire() {}

  /** A whole answer: status, headers (names in lower case) and body. */
  record Answer(String statusLine, Map<String, List<String>> headers, String body) {
    int status() {
      return Integer.parseInt(statusLine.substring(9, 12));
    }

    String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    boolean hasHeader(String name) {
      return headers.containsKey(name.toLowerCase(Locale.ROOT));
    }

    JsonNode error() {
      return Envelopes.parse(body).path("error");
    }
  }

  /** Writes {@code request} as it is (it should end the connection: a refusal, or {@code Connection: close}); the answer is checked against the contract. */
  static Answer raw(int port, String request) {
    try {
      return parse(RawHttp.exchange(port, request));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs curl with {@code arguments} after {@code -s -i --http1.1} and returns its answer (the last one, after any 100 Continue). */
  static Answer curl(String... arguments) {
    List<String> command = new ArrayList<>(List.of("curl", "-s", "-i", "--http1.1", "--max-time", "10"));
    command.addAll(List.of(arguments));
    try {
      Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(curl.waitFor(15, TimeUnit.SECONDS)).isTrue();
      assertThat(curl.exitValue()).as("curl exit status; output: %s", output).isZero();
      return parse(output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Answer parse(String answer) {
    int end = answer.indexOf("\r\n\r\n");
    String head = answer.substring(0, end + 4);
    String body = answer.substring(end + 4);
    String statusLine = head.substring(0, head.indexOf("\r\n"));
    Map<String, List<String>> headers =
        HttpAnswers.headers(head).entrySet().stream()
            .collect(Collectors.toMap(entry -> entry.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue, (a, b) -> a));
    return new Answer(statusLine, headers, body);
  }
}
