package dev.towerline.diff.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.diff.Severity;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compares two AsyncAPI 3 documents channel by channel and frame by frame. Frames of {@code send}
 * operations (the server sends them) are compared like responses, frames of {@code receive}
 * operations (clients send them) like requests.
 */
public final class AsyncApiDiff {
  private final Refs base;
  private final Refs candidate;
  private final ChangeLog log;
  private final Sunset sunset;
  private final SchemaDiff schemas;

  public AsyncApiDiff(Refs base, Refs candidate, ChangeLog log, Sunset sunset) {
    this.base = base;
    this.candidate = candidate;
    this.log = log;
    this.sunset = sunset;
    this.schemas = new SchemaDiff(base, candidate, log, sunset);
  }

  public void compare(Located b, Located c) {
    Notes.compare(b.child("info"), c.child("info"), log, "asyncapi.info", "info", "title", "description", "license");
    if (!b.node().path("servers").equals(c.node().path("servers"))) {
      log.add(Severity.INFORMATIONAL, "asyncapi.servers-changed", c.child("servers"), "servers",
          "example server list changed; clients configure their own host");
    }
    String bType = b.node().path("defaultContentType").asText("");
    String cType = c.node().path("defaultContentType").asText("");
    Located bChannels = b.child("channels");
    Located cChannels = c.child("channels");
    for (String id : SchemaDiff.fieldNames(bChannels.node())) {
      Located before = base.deref(bChannels.child(id));
      String address = before.node().path("address").asText(id);
      String cId = cChannels.node().has(id) ? id : channelAt(cChannels, address);
      if (cId == null) {
        sunset.judgeRemoval(before, log, "asyncapi.channel-removed", "feed " + address,
            "clients connecting to " + address + " find no feed");
        continue;
      }
      Located after = candidate.deref(cChannels.child(cId));
      channel(b, c, before, after, bType, cType);
    }
    for (String id : SchemaDiff.fieldNames(cChannels.node())) {
      Located after = candidate.deref(cChannels.child(id));
      if (!bChannels.node().has(id) && channelAt(bChannels, after.node().path("address").asText(id)) == null) {
        log.add(Severity.COMPATIBLE, "asyncapi.channel-added", after, "feed " + after.node().path("address").asText(id),
            "new feed");
      }
    }
  }

  private String channelAt(Located channels, String address) {
    for (String id : SchemaDiff.fieldNames(channels.node())) {
      if (channels.node().path(id).path("address").asText(id).equals(address)) {
        return id;
      }
    }
    return null;
  }

  private void channel(Located bDoc, Located cDoc, Located b, Located c, String bType, String cType) {
    String addressBefore = b.node().path("address").asText("");
    String addressAfter = c.node().path("address").asText("");
    String where = "feed " + addressAfter;
    if (!addressBefore.equals(addressAfter)) {
      log.add(Severity.BREAKING, "asyncapi.channel-address-changed", c.child("address"), where,
          "address " + addressBefore + " → " + addressAfter + "; clients connect to the old one");
    }
    Notes.compare(b, c, log, "asyncapi.channel", where, "title", "summary", "description");
    Located bWs = b.child("bindings").child("ws");
    Located cWs = c.child("bindings").child("ws");
    if (!bWs.node().path("method").equals(cWs.node().path("method"))) {
      log.add(Severity.BREAKING, "asyncapi.handshake-method-changed", cWs.child("method"), where,
          "handshake method " + bWs.node().path("method").asText("GET") + " → " + cWs.node().path("method").asText("GET"));
    }
    schemas.compare(bWs.child("query"), cWs.child("query"), Direction.REQUEST, where + " handshake query");
    schemas.compare(bWs.child("headers"), cWs.child("headers"), Direction.REQUEST, where + " handshake headers");
    Map<Direction, Map<String, Located>> before = frames(bDoc, b, base);
    Map<Direction, Map<String, Located>> after = frames(cDoc, c, candidate);
    for (Direction direction : Direction.values()) {
      frames(direction, before.get(direction), after.get(direction), where, bType, cType);
    }
  }

  private void frames(Direction direction, Map<String, Located> before, Map<String, Located> after, String feed,
      String bType, String cType) {
    String sender = direction == Direction.RESPONSE ? "server" : "client";
    String arrow = direction == Direction.RESPONSE ? "(server → client)" : "(client → server)";
    before.forEach((name, message) -> {
      String where = feed + ", frame " + name + " " + arrow;
      Located same = after.get(name);
      if (same == null) {
        sunset.judgeRemoval(message, log, "asyncapi." + sender + "-frame-removed", where,
            direction == Direction.RESPONSE
                ? "clients waiting for " + name + " never get it"
                : "clients sending " + name + " get an error frame");
        return;
      }
      String typeBefore = message.node().path("contentType").asText(bType);
      String typeAfter = same.node().path("contentType").asText(cType);
      if (!typeBefore.equals(typeAfter)) {
        log.add(Severity.BREAKING, "asyncapi.content-type-changed", same.child("contentType"), where,
            "content type " + typeBefore + " → " + typeAfter);
      }
      Notes.compare(message, same, log, "asyncapi.message", where, "title", "summary", "description", "examples");
      schemas.compare(message.child("payload"), same.child("payload"), direction, where);
      schemas.compare(message.child("headers"), same.child("headers"), direction, where + " headers");
    });
    after.forEach((name, message) -> {
      if (!before.containsKey(name)) {
        log.add(Severity.COMPATIBLE, "asyncapi." + sender + "-frame-added", message, feed + ", frame " + name + " " + arrow,
            direction == Direction.RESPONSE
                ? "new frame type; clients ignore frame types they do not know (FR-607)"
                : "clients may send it; none has to");
      }
    });
  }

  /** The frames of one channel by direction and frame type ({@code name}, else the payload's {@code type} value). */
  private static Map<Direction, Map<String, Located>> frames(Located document, Located channel, Refs refs) {
    Map<Direction, Map<String, Located>> frames = new EnumMap<>(Direction.class);
    frames.put(Direction.REQUEST, new LinkedHashMap<>());
    frames.put(Direction.RESPONSE, new LinkedHashMap<>());
    Located operations = document.child("operations");
    for (String id : SchemaDiff.fieldNames(operations.node())) {
      Located operation = refs.deref(operations.child(id));
      Located target = refs.deref(operation.child("channel"));
      if (!target.address().equals(channel.address())) {
        continue;
      }
      String action = operation.node().path("action").asText("");
      Direction direction = action.equals("receive") ? Direction.REQUEST : action.equals("send") ? Direction.RESPONSE : null;
      if (direction == null) {
        continue;
      }
      Located messages = operation.child("messages");
      for (int i = 0; i < messages.node().size(); i++) {
        Located message = refs.deref(messages.item(i));
        frames.get(direction).putIfAbsent(frameType(message, refs), message);
      }
    }
    return frames;
  }

  private static String frameType(Located message, Refs refs) {
    if (message.node().path("name").isTextual()) {
      return message.node().get("name").asText();
    }
    JsonNode type = refs.deref(message.child("payload")).node().path("properties").path("type");
    if (type.path("const").isTextual()) {
      return type.get("const").asText();
    }
    if (type.path("enum").size() == 1) {
      return type.get("enum").get(0).asText();
    }
    String pointer = message.pointer();
    return pointer.substring(pointer.lastIndexOf('/') + 1);
  }
}
