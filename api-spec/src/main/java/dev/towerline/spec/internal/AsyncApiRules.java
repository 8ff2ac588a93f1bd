package dev.towerline.spec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * Every frame is documented and typed: a message's {@code name} is the {@code type} its payload
 * fixes, every frame has {@code ts}, every event ({@code FeedEvent}) requires {@code seq} and
 * {@code ts}, every channel message is sent or received by an operation on that channel.
 */
final class AsyncApiRules {
  static final String FEED_EVENT = "dev.towerline.protocol.FeedEvent";

  private AsyncApiRules() {}

  static void check(CheckContext ctx) {
    Located messages = ctx.asyncApi().child("components", "messages");
    if (messages.present()) {
      for (Iterator<String> it = messages.node().fieldNames(); it.hasNext(); ) {
        checkMessage(ctx, messages.child(it.next()));
      }
    }
    checkChannelsAndOperations(ctx);
  }

  private static void checkMessage(CheckContext ctx, Located message) {
    for (String field : new String[] {"name", "title", "summary", "payload"}) {
      if (!message.child(field).present()) {
        ctx.findings().add(message, "message has no " + field);
      }
    }
    ctx.references()
        .resolve(message.child("payload"))
        .ifPresent(payload -> checkPayload(ctx, message, payload));
  }

  private static void checkPayload(CheckContext ctx, Located message, Located payload) {
    JsonNode properties = payload.node().path("properties");
    JsonNode typeEnum = properties.path("type").path("enum");
    String name = Json.text(message.node(), "name");
    if (typeEnum.size() != 1 || !typeEnum.get(0).asText().equals(name)) {
      ctx.findings()
          .add(payload, "payload must fix `type` to the message name '" + name + "' (a one-value enum)");
    }
    if (!properties.has("ts")) {
      ctx.findings().add(payload, "frame has no ts property");
    }
    boolean event = false;
    for (JsonNode iface : payload.node().path("javaInterfaces")) {
      event |= FEED_EVENT.equals(iface.asText());
    }
    if (event) {
      Set<String> required = new HashSet<>();
      payload.node().path("required").forEach(r -> required.add(r.asText()));
      if (!required.contains("seq") || !required.contains("ts")) {
        ctx.findings().add(payload, "event frame must require seq and ts");
      }
    }
  }

  private static void checkChannelsAndOperations(CheckContext ctx) {
    Set<String> used = new HashSet<>();
    Located operations = ctx.asyncApi().child("operations");
    if (operations.present()) {
      for (Iterator<String> it = operations.node().fieldNames(); it.hasNext(); ) {
        Located operation = operations.child(it.next());
        String channel = Json.text(operation.node().path("channel"), "$ref");
        Located messages = operation.child("messages");
        for (int i = 0; messages.present() && i < messages.node().size(); i++) {
          String ref = Json.text(messages.node().get(i), "$ref");
          if (channel == null || ref == null || !ref.startsWith(channel + "/messages/")) {
            ctx.findings().add(messages.element(i), "operation message must be one of its channel's messages (" + channel + ")");
          } else {
            used.add(ref);
          }
        }
      }
    }
    Located channels = ctx.asyncApi().child("channels");
    if (!channels.present()) {
      return;
    }
    for (Iterator<String> it = channels.node().fieldNames(); it.hasNext(); ) {
      String channel = it.next();
      Located messages = channels.child(channel, "messages");
      for (Iterator<String> ms = messages.node() == null ? java.util.Collections.emptyIterator() : messages.node().fieldNames(); ms.hasNext(); ) {
        String message = ms.next();
        String ref = "#/channels/" + Json.escape(channel) + "/messages/" + Json.escape(message);
        if (!used.contains(ref)) {
          ctx.findings().add(messages.child(message), "no operation sends or receives this message");
        }
      }
    }
  }
}
