package dev.towerline.testkit.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a check needs of one request and its answer.
 *
 * @param rawPath the request path as sent (percent-encoded), without query
 * @param headers response headers; names are matched case-insensitively
 * @param body the response body, empty when there is none
 */
public record HttpExchange(String method, String rawPath, int status, Map<String, List<String>> headers, String body) {

  public HttpExchange {
    method = method.toUpperCase(Locale.ROOT);
    Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach(
        (name, values) -> {
          // HttpURLConnection lists the status line under a null name.
          if (name != null && values != null) {
            byName.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values);
          }
        });
    headers = Collections.unmodifiableMap(byName);
    body = body == null ? "" : body;
  }

  List<String> headerValues(String name) {
    return headers.getOrDefault(name, List.of());
  }

  /** The first value of a header, or null. */
  String header(String name) {
    List<String> values = headerValues(name);
    return values.isEmpty() ? null : values.get(0);
  }

  /** {@code GET /api/v1/devices/x} for messages. */
  String request() {
    return method + " " + rawPath;
  }
}
