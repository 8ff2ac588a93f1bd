package dev.towerline.docs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The "Connection lifecycle" section of the WebSocket page: a sequence diagram of one connection
 * (handshake, ack, snapshot or resume or resync, live events, heartbeat, close, reconnect) and the
 * same steps as a list linking to each frame. Frame names and the event list come from
 * asyncapi.yaml; a frame the lifecycle needs that the contract no longer has fails the build.
 */
final class LifecycleSection {
  static final String ANCHOR = "lifecycle";
  static final String ACK = "connection_ack";
  static final String SNAPSHOT = "snapshot";
  static final String RESYNC = "resync_required";
  static final String PING = "ping";
  static final String PONG = "pong";

  private final Map<String, AsyncApiMessages.Message> byName = new LinkedHashMap<>();
  private final List<String> events = new ArrayList<>();
  private final String feedAddress;

  LifecycleSection(Contract contract, List<AsyncApiMessages.Message> messages) {
    messages.forEach(m -> byName.put(m.name(), m));
    for (String needed : List.of(ACK, SNAPSHOT, RESYNC, PING, PONG)) {
      if (!byName.containsKey(needed)) {
        throw new IllegalStateException("asyncapi.yaml has no '" + needed + "' message, which the connection "
            + "lifecycle on the WebSocket page shows; update LifecycleSection with the contract");
      }
    }
    messages.stream().filter(m -> !m.name().equals(SNAPSHOT) && requiresSeq(contract, m))
        .forEach(m -> events.add(m.name()));
    this.feedAddress = feedAddress(contract.asyncApi());
  }

  private static boolean requiresSeq(Contract contract, AsyncApiMessages.Message message) {
    return AsyncApiMessages.payload(contract, message)
        .map(p -> contract.deref(p.file(), p.node()).node().path("required"))
        .map(required -> {
          for (JsonNode field : required) {
            if (field.asText().equals("seq")) {
              return true;
            }
          }
          return false;
        })
        .orElse(false);
  }

  /** {@code /api/v1/ws/{feed}} from the channel addresses ({@code /api/v1/ws/devices}, …). */
  private static String feedAddress(JsonNode asyncApi) {
    List<String> addresses = new ArrayList<>();
    asyncApi.path("channels").forEach(c -> addresses.add(c.path("address").asText()));
    String first = addresses.isEmpty() ? "/" : addresses.get(0);
    String prefix = first.substring(0, first.lastIndexOf('/') + 1);
    boolean shared = addresses.stream().allMatch(a -> a.startsWith(prefix));
    return shared ? prefix + "{feed}" : "{channel address}";
  }

  String render() {
    String eventNames = String.join(" | ", events);
    SequenceDiagram diagram = new SequenceDiagram("One feed connection: connect, catch up, live events, "
        + "heartbeat, close and resume")
        .toServer("GET " + feedAddress + "[?since=<seq>]  Upgrade: websocket")
        .replyToClient("101 Switching Protocols  (or 401 / 403 with the error envelope)")
        .toClient(ACK + " {session_id, heartbeat_interval_seconds}")
        .frame("alt [no since: first connect]")
        .toClient(SNAPSHOT + " {seq: N, current state}")
        .frame("alt [?since=<seq> still in the retained log]")
        .toClient("every event after since, in order (no snapshot)")
        .frame("alt [since too old, or ahead of the log]")
        .toClient(RESYNC + " {oldest_seq, latest_seq, reason}")
        .toClient(SNAPSHOT + " {seq: N}  replaces all state")
        .end()
        .frame("loop [live]")
        .toClient(eventNames + "  {seq: N+1, ts}")
        .end()
        .frame("loop [every heartbeat_interval_seconds]")
        .toClient(PING + " {nonce}  (and a WebSocket ping)")
        .replyToServer(PONG + " {nonce}")
        .end()
        .toClient("close 1012 / 1001  (restart, shutdown)")
        .note("reconnect at once with ?since=<last seq>; after other closes, backoff with jitter (≤ 5 min)")
        .toServer("GET " + feedAddress + "?since=<last seq>  Upgrade: websocket");
    return "<h2 id=\"" + ANCHOR + "\">Connection lifecycle</h2>\n"
        + "<figure class=\"diagram\">\n" + diagram.svg()
        + "<figcaption>One connection to any feed. The rules behind each arrow are in the "
        + "<a href=\"#overview\">overview</a>.</figcaption>\n</figure>\n"
        + "<ol class=\"lifecycle\">\n"
        + step("Connect to " + Html.code(feedAddress) + "; when the server checks tokens it may refuse the "
            + "handshake with 401 or 403 and the error envelope, before any frame.")
        + step("The server sends " + frameLink(ACK) + " (session id, heartbeat interval, API version).")
        + step("Without " + Html.code("since") + " it sends a " + frameLink(SNAPSHOT) + " with the seq it is valid at. "
            + "With " + Html.code("?since=<seq>") + " it sends exactly the events after that seq instead; when they "
            + "are no longer retained (or the seq is ahead of the log) it sends " + frameLink(RESYNC)
            + " and then a snapshot, which replaces everything the client held.")
        + step("Live events follow, each with the next " + Html.code("seq") + ": "
            + events.stream().map(LifecycleSection::frameLink).collect(Collectors.joining(", "))
            + ". Remember the last seq you applied; ignore one you already have.")
        + step("Every heartbeat interval the server sends " + frameLink(PING) + "; answer with " + frameLink(PONG)
            + " echoing its nonce. A peer silent for two intervals is closed.")
        + step("On close 1012 or 1001 reconnect at once with " + Html.code("?since=<last seq>")
            + "; after any other close, reconnect with exponential backoff and jitter, capped at 5 minutes. "
            + "The close codes are listed in the <a href=\"#overview\">overview</a>.")
        + "</ol>\n";
  }

  private static String frameLink(String name) {
    return "<a href=\"#message-" + Html.escape(Html.slug(name)) + "\">" + Html.code(name) + "</a>";
  }

  private static String step(String html) {
    return "<li>" + html + "</li>\n";
  }
}
