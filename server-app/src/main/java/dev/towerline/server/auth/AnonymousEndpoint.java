package dev.towerline.server.auth;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Groups of read-only endpoints a server with tokens may serve without one ({@code
 * ANONYMOUS_ENDPOINTS}), for scrapers, probes and browsers that cannot send a token. {@code /health}
 * and {@code /health/ready} need no token anyway ({@code security: []} in the contract).
 */
public enum AnonymousEndpoint {
  /** {@code GET /metrics}, for a Prometheus without credentials. */
  METRICS(Set.of("getMetrics"), false),
  /** {@code GET /health/full} and the deprecated {@code GET /api/v1/status}, for load balancers. */
  HEALTH_FULL(Set.of("getFullHealth", "getLegacyStatus"), false),
  /**
   * The published contract documents ({@code /api/v1/openapi.yaml}, {@code asyncapi.yaml}, {@code
   * schemas/}) and the static pages outside the contract: {@code /docs}, {@code /dashboard} and
   * {@code /}. A browser cannot send a bearer token with a page load; the dashboard's own API calls
   * and feeds still carry the token the user enters.
   */
  DOCS(Set.of("getOpenApiDocument", "getAsyncApiDocument", "getSchemaFile"), true);

  private final Set<String> operationIds;
  private final boolean pages;

  AnonymousEndpoint(Set<String> operationIds, boolean pages) {
    this.operationIds = operationIds;
    this.pages = pages;
  }

  /** The name in {@code ANONYMOUS_ENDPOINTS}: {@code metrics}, {@code health_full}, {@code docs}. */
  public String settingName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<AnonymousEndpoint> fromSettingName(String name) {
    for (AnonymousEndpoint endpoint : values()) {
      if (endpoint.settingName().equals(name)) {
        return Optional.of(endpoint);
      }
    }
    return Optional.empty();
  }

  /** Whether the contract operation {@code operationId} belongs to this group. */
  boolean coversOperation(String operationId) {
    return operationIds.contains(operationId);
  }

  /** Whether a route outside the contract at {@code path} (no leading slash, as Jersey gives it) belongs to this group. */
  boolean coversPage(String path) {
    return pages && (path.isEmpty() || isUnder(path, "docs") || isUnder(path, "dashboard"));
  }

  private static boolean isUnder(String path, String folder) {
    return path.equals(folder) || path.startsWith(folder + "/");
  }
}
