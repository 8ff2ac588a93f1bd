package dev.towerline.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Deprecation (RFC 9745), Sunset (RFC 8594) and Link headers of every deprecated operation,
 * derived once from openapi.yaml's {@code deprecated}, {@code x-deprecated-since}, {@code
 * x-sunset}, {@code x-superseded-by} and {@code x-deprecation-link} — never from a hand-kept list.
 */
public final class DeprecationHeaders {
  private final Map<String, Map<String, String>> byOperation = new HashMap<>();

  private DeprecationHeaders() {}

  public static DeprecationHeaders fromOpenApi(JsonNode openApi) {
    DeprecationHeaders headers = new DeprecationHeaders();
    Map<String, String> pathByOperationId = new HashMap<>();
    openApi.path("paths").properties().forEach(
        path -> path.getValue().properties().forEach(
            op -> pathByOperationId.put(op.getValue().path("operationId").asText(), path.getKey())));
    openApi.path("paths").properties().forEach(
        path -> path.getValue().properties().forEach(op -> {
          JsonNode operation = op.getValue();
          if (operation.path("deprecated").asBoolean(false)) {
            headers.byOperation.put(
                key(op.getKey(), path.getKey()), headersOf(operation, pathByOperationId));
          }
        }));
    return headers;
  }

  private static Map<String, String> headersOf(JsonNode operation, Map<String, String> pathByOperationId) {
    LocalDate since = LocalDate.parse(operation.path("x-deprecated-since").asText());
    LocalDate sunset = LocalDate.parse(operation.path("x-sunset").asText());
    String successor = pathByOperationId.get(operation.path("x-superseded-by").asText());
    String link =
        "<" + operation.path("x-deprecation-link").asText() + ">; rel=\"deprecation\"; type=\"text/html\""
            + (successor == null ? "" : ", <" + successor + ">; rel=\"successor-version\"");
    return Map.of(
        "Deprecation", "@" + since.atStartOfDay(ZoneOffset.UTC).toEpochSecond(),
        "Sunset", DateTimeFormatter.RFC_1123_DATE_TIME.format(sunset.atStartOfDay(ZoneOffset.UTC)),
        "Link", link);
  }

  /** The headers for a request's method and matched path template, if it is deprecated. */
  public Optional<Map<String, String>> forRoute(String method, String pathTemplate) {
    return Optional.ofNullable(byOperation.get(key(method.toLowerCase(java.util.Locale.ROOT), pathTemplate)));
  }

  private static String key(String method, String path) {
    return method + " " + path;
  }
}
