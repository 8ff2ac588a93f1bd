package dev.towerline.docs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders a small AsyncAPI document written here, so each case controls its input. */
class WebSocketPageTest {
  @TempDir Path spec;

  @BeforeEach
  void writeSpec() throws IOException {
    Files.createDirectories(spec.resolve("schemas"));
    Files.writeString(spec.resolve("asyncapi.yaml"), """
        asyncapi: 3.0.0
        info:
          title: Test feeds
          version: 2.1.0
          description: |-
            **Closing.** 1012 on restart: reconnect with `since`.

            Never <script>alert('info')</script>.
        servers:
          local: {host: 'localhost:8080', protocol: ws}
        channels:
          things:
            address: /ws/things
            title: Things
            description: Things feed <script>alert('channel')</script>
            messages:
              connectionAck: {$ref: '#/components/messages/connectionAck'}
              snapshot: {$ref: '#/components/messages/snapshot'}
              resyncRequired: {$ref: '#/components/messages/resyncRequired'}
              thingChanged: {$ref: '#/components/messages/thingChanged'}
              ping: {$ref: '#/components/messages/ping'}
              pong: {$ref: '#/components/messages/pong'}
            bindings:
              ws:
                query:
                  type: object
                  properties:
                    since: {type: integer, minimum: 0, description: Resume point.}
        operations:
          sendThings:
            action: send
            channel: {$ref: '#/channels/things'}
            messages: [{$ref: '#/channels/things/messages/thingChanged'}]
        components:
          messages:
            connectionAck: {name: connection_ack, payload: {type: object, required: [type]}}
            snapshot: {name: snapshot, payload: {type: object, required: [type, seq]}}
            resyncRequired: {name: resync_required, payload: {type: object, required: [type]}}
            ping: {name: ping, payload: {type: object, required: [type]}}
            pong: {name: pong, payload: {type: object, required: [type]}}
            thingChanged:
              name: thing.changed
              title: Thing changed
              summary: A thing changed.
              description: Carries <script>alert('message')</script> the thing.
              payload: {$ref: ./schemas/thing-changed.json}
              examples:
                - name: sample
                  payload: {type: thing.changed, thing: {id: '</pre><script>x</script>'}}
        """);
    Files.writeString(spec.resolve("schemas/thing-changed.json"), """
        {"title": "ThingChanged", "type": "object", "required": ["type", "seq", "thing"],
         "properties": {
           "type": {"type": "string", "enum": ["thing.changed"], "description": "Frame type."},
           "seq": {"type": "integer", "minimum": 1},
           "thing": {"$ref": "thing.json"}}}
        """);
    Files.writeString(spec.resolve("schemas/thing.json"), """
        {"title": "Thing", "description": "A thing. With <b>bold</b> claims.", "type": "object",
         "properties": {"id": {"type": "string", "description": "Id <img src=x onerror=alert(1)>"},
                        "tags": {"type": "array", "items": {"type": "string"}}}}
        """);
  }

  @Test
  void escapesScriptTagsFromEveryDescription() {
    String html = new WebSocketPage(new Contract(spec)).render();

    assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>")
        .contains("Never &lt;script&gt;alert('info')&lt;/script&gt;.")
        .contains("Things feed &lt;script&gt;")
        .contains("Carries &lt;script&gt;")
        .contains("Id &lt;img src=x onerror=alert(1)&gt;")
        .contains("&lt;/pre&gt;&lt;script&gt;x&lt;/script&gt;");
  }

  @Test
  void rendersChannelQueryParametersAndFrameDirection() {
    String html = new WebSocketPage(new Contract(spec)).render();

    assertThat(html)
        .contains("<h3>Things <code>/ws/things</code></h3>")
        .contains("<code>ws://localhost:8080/ws/things</code>")
        .contains("<tr><td><code>since</code></td><td>integer</td><td>optional</td><td>Resume point."
            + " <span class=\"constraints\">minimum <code>0</code></span></td></tr>")
        .contains("<td><a href=\"#message-thing.changed\"><code>thing.changed</code></a></td><td>server → client</td>");
  }

  @Test
  void followsPayloadRefsToSharedSchemasAndLinksTheNestedShape() {
    String html = new WebSocketPage(new Contract(spec)).render();

    assertThat(html)
        .contains("<section class=\"message\" id=\"message-thing.changed\">\n"
            + "<h3><code>thing.changed</code> — Thing changed</h3>")
        .contains("<tr><td><code>type</code></td><td>string</td><td>required</td>"
            + "<td>Frame type. Always <code>thing.changed</code>.</td></tr>")
        .contains("<tr><td><code>thing</code></td><td><a href=\"#schema-thing\">Thing</a></td><td>required</td>"
            + "<td>A thing.</td></tr>")
        .contains("<section class=\"shape\" id=\"schema-thing\">")
        .contains("<tr><td><code>tags</code></td><td>array of string</td><td>optional</td>")
        .contains("<a href=\"contract/schemas/thing.json\">schemas/thing.json</a>");
  }

  @Test
  void prettyPrintsExamplePayloads() {
    String html = new WebSocketPage(new Contract(spec)).render();

    assertThat(html).contains("<pre><code class=\"language-json\">{\n  &quot;type&quot;: &quot;thing.changed&quot;,\n"
        + "  &quot;thing&quot;: {\n    &quot;id&quot;: ");
  }

  @Test
  void drawsTheConnectionLifecycleWithTheContractsFrameNames() {
    String html = new WebSocketPage(new Contract(spec)).render();

    assertThat(html)
        .contains("<h2 id=\"lifecycle\">Connection lifecycle</h2>")
        .contains("<svg class=\"sequence\"")
        .contains(">GET /ws/{feed}[?since=&lt;seq&gt;]  Upgrade: websocket</text>")
        .contains(">connection_ack {session_id, heartbeat_interval_seconds}</text>")
        .contains(">resync_required {oldest_seq, latest_seq, reason}</text>")
        .contains(">thing.changed  {seq: N+1, ts}</text>")
        .contains("<a href=\"#message-thing.changed\"><code>thing.changed</code></a>")
        .doesNotContain("<script");
  }

  @Test
  void refusesAContractWithoutAFrameTheLifecycleNeeds() throws IOException {
    Path file = spec.resolve("asyncapi.yaml");
    Files.writeString(file, Files.readString(file).replace("name: resync_required", "name: resync_needed"));

    assertThatThrownBy(() -> new WebSocketPage(new Contract(spec)).render())
        .hasMessageContaining("asyncapi.yaml has no 'resync_required' message");
  }

  @Test
  void rendersCloseCodeGuidanceFromInfoDescription() {
    String html = new WebSocketPage(new Contract(spec)).render();

    assertThat(html).contains("<p><strong>Closing.</strong> 1012 on restart: reconnect with <code>since</code>.</p>");
  }
}
