package dev.towerline.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import net.logstash.logback.argument.StructuredArgument;

/**
 * The fields of one access-log line as a single logstash argument: the JSON encoder writes them
 * straight into the line's object (no per-field marker serialized through an ObjectMapper), and
 * the text of the line's message is built once, in the order and {@code name=value} form the seven
 * {@code kv(...)} arguments it replaces gave. Values go through the encoder's generator, so its
 * redaction masks them as before.
 */
final class AccessLogLine implements StructuredArgument {
  private final String method;
  private final String route;
  private final int status;
  private final double durationMillis;
  private final String path;
  private final String client;
  private final String actor;

  AccessLogLine(String method, String route, int status, long nanos, String path, String client, String actor) {
    this.method = method;
    this.route = route;
    this.status = status;
    this.durationMillis = nanos / 1_000_000.0;
    this.path = path;
    this.client = client;
    this.actor = actor;
  }

  @Override
  public void writeTo(JsonGenerator generator) throws IOException {
    generator.writeStringField("method", method);
    generator.writeStringField("route", route);
    generator.writeNumberField("status", status);
    generator.writeNumberField("duration_ms", durationMillis);
    generator.writeStringField("path", path);
    generator.writeStringField("client", client);
    generator.writeStringField("actor", actor);
  }

  @Override
  public String toString() {
    return new StringBuilder(96 + path.length() + route.length())
        .append("method=").append(method)
        .append(" route=").append(route)
        .append(" status=").append(status)
        .append(" duration_ms=").append(durationMillis)
        .append(" path=").append(path)
        .append(" client=").append(client)
        .append(" actor=").append(actor)
        .toString();
  }
}
