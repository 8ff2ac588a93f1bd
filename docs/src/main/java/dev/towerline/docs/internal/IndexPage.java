package dev.towerline.docs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/** {@code index.html}: the contract version, the three reference pages, the guides and deprecations. */
final class IndexPage {
  static final String FILE = "index.html";
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

  private IndexPage() {}

  static String render(JsonNode openApi, JsonNode asyncApi, List<GuidePages.Guide> guides) {
    String version = openApi.path("info").path("version").asText();
    String asyncVersion = asyncApi.path("info").path("version").asText();
    StringBuilder body = new StringBuilder("<h1>" + PageLayout.SITE_NAME + "</h1>\n")
        .append("<p class=\"lead\">Contract version <strong>").append(Html.escape(version)).append("</strong>");
    if (!asyncVersion.equals(version)) {
      body.append(" (REST); WebSocket contract version <strong>").append(Html.escape(asyncVersion)).append("</strong>");
    }
    body.append(". Everything under <em>Reference</em> is generated from the contract in <code>api-spec/</code> "
        + "on every build.</p>\n");
    body.append("<h2 id=\"reference\">Reference</h2>\n<ul>\n")
        .append(item(RestReference.FILE, "REST API", "every operation, parameter, response and model (openapi.yaml), "
            + "searchable, with a console that calls this server."))
        .append(item(WebSocketPage.FILE, "WebSocket feeds", "channels, frame types, payload fields and example frames "
            + "(asyncapi.yaml), the connection lifecycle with a sequence diagram, close codes and reconnect rules."))
        .append(item(ErrorCodesPage.FILE, "Error codes", "every code with its HTTP status, meaning and what a client should do."))
        .append(item(ChangesPage.FILE, "What changed since the last release", "every difference between the last "
            + "released contract and this one, breaking, compatible or informational, as the compatibility gate sees it."))
        .append("<li>The contract itself, as built: <a href=\"api/contract/openapi.yaml\">openapi.yaml</a>, "
            + "<a href=\"api/contract/asyncapi.yaml\">asyncapi.yaml</a> and the shared JSON Schemas in "
            + "<code>api/contract/schemas/</code>. The contract also declares them as server routes: "
            + "<code>/api/v1/openapi.yaml</code>, <code>/api/v1/asyncapi.yaml</code>, "
            + "<code>/api/v1/schemas/{file}</code>.</li>\n"
        + "<li>" + Html.link(PageLayout.DASHBOARD, "Live dashboard") + " — the lab as this server sees it now, "
        + "built on the public API and feeds only.</li>\n</ul>\n");
    body.append("<h2 id=\"guides\">Guides</h2>\n<ul>\n");
    guides.forEach(g -> body.append(item(g.file(), g.title(), g.summary())));
    body.append("</ul>\n").append(deprecations(openApi, guides));
    return PageLayout.page(PageLayout.SITE_NAME, "", version, body.toString());
  }

  private static String item(String href, String title, String summary) {
    String rest = summary.isEmpty() ? "" : " — " + InlineMarkdown.render(summary);
    return "<li>" + Html.link(href, title) + rest + "</li>\n";
  }

  /** Deprecated operations, read from the spec's {@code deprecated: true} and {@code x-} extensions. */
  private static String deprecations(JsonNode openApi, List<GuidePages.Guide> guides) {
    StringBuilder rows = new StringBuilder();
    openApi.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
      JsonNode operation = op.getValue();
      if (METHODS.contains(op.getKey()) && operation.path("deprecated").asBoolean(false)) {
        rows.append("<tr><td>").append(Html.code(op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey()))
            .append("</td><td>").append(Html.escape(operation.path("x-sunset").asText("—"))).append("</td><td>")
            .append(successor(openApi, operation.path("x-superseded-by").asText(""))).append("</td><td>")
            .append(migration(operation.path("x-deprecation-link").asText(""), guides)).append("</td></tr>\n");
      }
    }));
    if (rows.length() == 0) {
      return "<h2 id=\"deprecations\">Deprecations</h2>\n<p>No deprecated operations.</p>\n";
    }
    return "<h2 id=\"deprecations\">Deprecations</h2>\n<p>Deprecated operations keep working until their sunset date; "
        + "see <a href=\"guides/versioning.html\">Versioning and deprecation</a>.</p>\n<table>\n<thead><tr>"
        + "<th>Operation</th><th>Sunset</th><th>Superseded by</th><th>Migration guide</th></tr></thead>\n<tbody>\n"
        + rows + "</tbody>\n</table>\n";
  }

  /** {@code GET /health/full} for the operationId in {@code x-superseded-by}, or the id as written. */
  private static String successor(JsonNode openApi, String operationId) {
    if (operationId.isEmpty()) {
      return "—";
    }
    StringBuilder found = new StringBuilder();
    openApi.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
      if (found.length() == 0 && operationId.equals(op.getValue().path("operationId").asText())) {
        found.append(op.getKey().toUpperCase(java.util.Locale.ROOT)).append(' ').append(path.getKey());
      }
    }));
    return Html.code(found.length() == 0 ? operationId : found.toString());
  }

  /** The local guide the spec's migration link points at (same last path segment), else the URL as text. */
  private static String migration(String url, List<GuidePages.Guide> guides) {
    String name = url.replaceAll("[#?].*$", "").replaceAll("/+$", "").replaceAll("^.*/", "").replaceAll("\\.html$", "");
    return guides.stream().filter(g -> g.name().equals(name)).findFirst()
        .map(g -> Html.link(g.file(), g.title()))
        .orElse(url.isEmpty() ? "—" : Html.code(url));
  }
}
