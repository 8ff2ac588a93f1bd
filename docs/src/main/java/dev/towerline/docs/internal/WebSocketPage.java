package dev.towerline.docs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code api/websocket.html}: the WebSocket reference rendered from asyncapi.yaml (AsyncAPI 3.0)
 * and the JSON Schemas its messages reference. Sections: overview (info.description, which holds
 * the close codes and reconnect rules), the connection lifecycle with its sequence diagram,
 * servers, channels, messages (frames), shared shapes.
 */
final class WebSocketPage {
  static final String FILE = "api/websocket.html";

  private final Contract contract;
  private final JsonNode spec;
  private final SchemaTables tables;
  private final List<AsyncApiMessages.Message> messages;

  WebSocketPage(Contract contract) {
    this.contract = contract;
    this.spec = contract.asyncApi();
    this.tables = new SchemaTables(contract);
    this.messages = AsyncApiMessages.of(contract);
    // A reference to a payload schema links to its message, not to a separate shape section.
    messages.forEach(m -> AsyncApiMessages.payload(contract, m).ifPresent(p -> tables.anchorElsewhere(p, m.anchor())));
  }

  String render() {
    JsonNode info = spec.path("info");
    String title = info.path("title").asText("WebSocket feeds");
    String version = info.path("version").asText();
    StringBuilder body = new StringBuilder("<h1>").append(Html.escape(title)).append("</h1>\n")
        .append("<p class=\"lead\">WebSocket reference, AsyncAPI ").append(Html.escape(spec.path("asyncapi").asText()))
        .append(", contract version ").append(Html.escape(version)).append(". Source: <a href=\"contract/")
        .append(Contract.ASYNCAPI).append("\">").append(Contract.ASYNCAPI).append("</a>.</p>\n")
        .append(contents())
        .append("<h2 id=\"overview\">Overview</h2>\n").append(Markdown.render(info.path("description").asText("")))
        .append(new LifecycleSection(contract, messages).render())
        .append(servers())
        .append(channels())
        .append("<h2 id=\"messages\">Messages</h2>\n");
    MessageSection section = new MessageSection(contract, tables);
    messages.forEach(m -> body.append(section.render(m)));
    // Last: rendering the tables above is what discovers the shapes they link to.
    body.append("<h2 id=\"shapes\">Shared shapes</h2>\n<p>Schemas the frames refer to; REST uses the same files.</p>\n")
        .append(tables.sharedShapes(ErrorCodesPage.FILE.substring("api/".length())));
    return PageLayout.page(title, "../", version, body.toString());
  }

  private String contents() {
    List<String> channelLinks = new ArrayList<>();
    spec.path("channels").properties().forEach(c -> channelLinks.add(
        "<a href=\"#" + channelAnchor(c.getKey()) + "\">" + Html.code(c.getValue().path("address").asText(c.getKey()))
            + "</a>"));
    List<String> messageLinks = new ArrayList<>();
    messages.forEach(m -> messageLinks.add(
        "<a href=\"#" + Html.escape(m.anchor()) + "\">" + Html.code(m.name()) + "</a>"));
    return "<nav class=\"toc\"><ul>\n<li><a href=\"#overview\">Overview</a></li>\n"
        + "<li><a href=\"#" + LifecycleSection.ANCHOR + "\">Connection lifecycle</a> (sequence diagram)</li>\n"
        + "<li><a href=\"#servers\">Servers</a></li>\n"
        + "<li><a href=\"#channels\">Channels</a>: " + String.join(", ", channelLinks) + "</li>\n"
        + "<li><a href=\"#messages\">Messages</a>: " + String.join(", ", messageLinks) + "</li>\n"
        + "<li><a href=\"#shapes\">Shared shapes</a></li>\n</ul></nav>\n";
  }

  private String servers() {
    StringBuilder out = new StringBuilder("<h2 id=\"servers\">Servers</h2>\n<table>\n<thead><tr><th>Server</th>"
        + "<th>URL</th><th>Description</th></tr></thead>\n<tbody>\n");
    spec.path("servers").properties().forEach(server -> out.append("<tr><td>")
        .append(Html.escape(server.getKey())).append("</td><td>").append(Html.code(serverUrl(server.getValue())))
        .append("</td><td>").append(InlineMarkdown.render(server.getValue().path("description").asText("")))
        .append("</td></tr>\n"));
    return out.append("</tbody>\n</table>\n").toString();
  }

  private static String serverUrl(JsonNode server) {
    return server.path("protocol").asText("ws") + "://" + server.path("host").asText()
        + server.path("pathname").asText("");
  }

  private String channels() {
    StringBuilder out = new StringBuilder("<h2 id=\"channels\">Channels</h2>\n");
    JsonNode firstServer = spec.path("servers").elements().hasNext() ? spec.path("servers").elements().next() : null;
    spec.path("channels").properties().forEach(entry -> {
      JsonNode channel = entry.getValue();
      String address = channel.path("address").asText(entry.getKey());
      out.append("<section class=\"channel\" id=\"").append(channelAnchor(entry.getKey())).append("\">\n<h3>")
          .append(Html.escape(channel.path("title").asText(entry.getKey()))).append(' ').append(Html.code(address))
          .append("</h3>\n").append(Markdown.render(channel.path("description").asText("")));
      if (firstServer != null) {
        out.append("<p>Connect: ").append(Html.code(serverUrl(firstServer) + address)).append("</p>\n");
      }
      out.append(bindingTable(entry.getKey(), "query", "Query parameters", "Parameter"))
          .append(bindingTable(entry.getKey(), "headers", "Handshake headers", "Header"))
          .append(frameTable(entry.getKey())).append("</section>\n");
    });
    return out.toString();
  }

  /** The ws binding's {@code query} or {@code headers} schema as a table, if the channel has one. */
  private String bindingTable(String channel, String part, String heading, String firstColumn) {
    JsonNode schema = spec.path("channels").path(channel).path("bindings").path("ws").path(part);
    if (!schema.path("properties").isObject()) {
      return "";
    }
    String pointer = "/channels/" + channel + "/bindings/ws/" + part;
    return "<h4>" + heading + "</h4>\n"
        + tables.table(new Contract.Located(contract.asyncApiFile(), pointer, schema), firstColumn);
  }

  private String frameTable(String channel) {
    StringBuilder out = new StringBuilder("<h4>Frames</h4>\n<table>\n<thead><tr><th>Frame <code>type</code></th>"
        + "<th>Direction</th><th>Summary</th></tr></thead>\n<tbody>\n");
    messages.stream().filter(m -> m.channels().containsKey(channel)).forEach(m -> out
        .append("<tr><td><a href=\"#").append(Html.escape(m.anchor())).append("\">").append(Html.code(m.name()))
        .append("</a></td><td>").append(MessageSection.directions(m.channels().get(channel))).append("</td><td>")
        .append(InlineMarkdown.render(m.node().path("summary").asText(""))).append("</td></tr>\n"));
    return out.append("</tbody>\n</table>\n").toString();
  }

  private static String channelAnchor(String channelKey) {
    return Html.escape("channel-" + Html.slug(channelKey));
  }
}
