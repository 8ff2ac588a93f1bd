package dev.towerline.docs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One frame type on the WebSocket page: name and title, summary, description, the channels that
 * carry it, its payload table and its examples, pretty-printed.
 */
final class MessageSection {
  private final Contract contract;
  private final JsonNode channels;
  private final SchemaTables tables;

  MessageSection(Contract contract, SchemaTables tables) {
    this.contract = contract;
    this.channels = contract.asyncApi().path("channels");
    this.tables = tables;
  }

  String render(AsyncApiMessages.Message message) {
    JsonNode node = message.node();
    StringBuilder out = new StringBuilder("<section class=\"message\" id=\"")
        .append(Html.escape(message.anchor())).append("\">\n<h3>").append(Html.code(message.name()));
    if (node.hasNonNull("title")) {
      out.append(" — ").append(Html.escape(node.get("title").asText()));
    }
    out.append("</h3>\n");
    if (node.hasNonNull("summary")) {
      out.append("<p class=\"summary\">").append(InlineMarkdown.render(node.get("summary").asText())).append("</p>\n");
    }
    out.append(Markdown.render(node.path("description").asText(""))).append(channelList(message));
    AsyncApiMessages.payload(contract, message).ifPresent(payload -> out.append(payload(payload)));
    return out.append(examples(node)).append("</section>\n").toString();
  }

  /** "Channels: /api/v1/ws/devices (server → client), …", each linked to its channel section. */
  private String channelList(AsyncApiMessages.Message message) {
    List<String> uses = new ArrayList<>();
    message.channels().forEach((channel, directions) -> uses.add(
        "<a href=\"#channel-" + Html.escape(Html.slug(channel)) + "\">"
            + Html.code(channels.path(channel).path("address").asText(channel)) + "</a> ("
            + directions(directions) + ")"));
    return "<p>Channels: " + String.join(", ", uses) + "</p>\n";
  }

  static String directions(Set<String> directions) {
    return directions.isEmpty() ? "—" : Html.escape(String.join(", ", directions));
  }

  private String payload(Contract.Located payload) {
    Contract.Located schema = contract.deref(payload.file(), payload.node());
    StringBuilder out = new StringBuilder("<h4>Payload");
    if (schema.node().hasNonNull("title")) {
      out.append(": ").append(Html.escape(schema.node().get("title").asText()));
    }
    out.append("</h4>\n").append(Markdown.render(schema.node().path("description").asText("")))
        .append(tables.table(payload));
    if (!schema.file().equals(contract.asyncApiFile())) {
      out.append(SchemaTables.sourceLink(contract.relative(schema.file())));
    }
    return out.toString();
  }

  private static String examples(JsonNode message) {
    JsonNode examples = message.path("examples");
    if (!examples.isArray() || examples.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder("<h4>Examples</h4>\n");
    examples.forEach(example -> {
      String name = example.path("name").asText("");
      String summary = example.path("summary").asText("");
      if (!name.isEmpty() || !summary.isEmpty()) {
        out.append("<p class=\"example\">").append(name.isEmpty() ? "" : Html.code(name))
            .append(name.isEmpty() || summary.isEmpty() ? "" : " — ")
            .append(InlineMarkdown.render(summary)).append("</p>\n");
      }
      out.append(JsonExamples.block(example.path("payload")));
    });
    return out.toString();
  }
}
