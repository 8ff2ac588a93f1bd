package dev.towerline.spec.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Iterator;
import java.util.List;

/**
 * Every parameter, request body, response body and message has an example, and every example
 * (headers' too) validates against the schema next to it.
 */
public final class ExampleRules {
  private ExampleRules() {}

  static void check(CheckContext ctx) {
    for (Operation op : Operation.all(ctx.documents().openApi())) {
      op.parameters(ctx.references()).forEach(p -> checkHolder(ctx, p, "parameter " + p.node().path("name").asText()));
      ctx.references().resolve(op.located().child("requestBody")).ifPresent(body -> checkContent(ctx, body));
      Located responses = op.located().child("responses");
      if (responses.present()) {
        for (Iterator<String> it = responses.node().fieldNames(); it.hasNext(); ) {
          ctx.references().resolve(responses.child(it.next())).ifPresent(r -> checkResponse(ctx, r));
        }
      }
    }
    checkMessages(ctx);
  }

  private static void checkResponse(CheckContext ctx, Located response) {
    checkContent(ctx, response);
    Located headers = response.child("headers");
    if (headers.present()) {
      for (Iterator<String> it = headers.node().fieldNames(); it.hasNext(); ) {
        ctx.references()
            .resolve(headers.child(it.next()))
            .ifPresent(header -> validateAll(ctx, header, Examples.of(ctx, header)));
      }
    }
  }

  private static void checkContent(CheckContext ctx, Located holder) {
    Located content = holder.child("content");
    if (!content.present()) {
      return;
    }
    for (Iterator<String> it = content.node().fieldNames(); it.hasNext(); ) {
      String mediaType = it.next();
      checkHolder(ctx, content.child(mediaType), mediaType + " content");
    }
  }

  /** A parameter or media type: it must have an example, and each must fit its schema. */
  private static void checkHolder(CheckContext ctx, Located holder, String what) {
    List<Located> examples = Examples.of(ctx, holder);
    if (examples.isEmpty()) {
      ctx.findings().add(holder, what + " has no example");
    }
    validateAll(ctx, holder, examples);
  }

  private static void validateAll(CheckContext ctx, Located holder, List<Located> examples) {
    if (!holder.child("schema").present()) {
      return;
    }
    URI schema = schemaUri(ctx, holder.child("schema"));
    for (Located example : examples) {
      report(ctx, example, ctx.validation().validate(schema, example.node()));
    }
  }

  private static void checkMessages(CheckContext ctx) {
    Located messages = ctx.asyncApi().child("components", "messages");
    if (!messages.present()) {
      return;
    }
    for (Iterator<String> it = messages.node().fieldNames(); it.hasNext(); ) {
      Located message = messages.child(it.next());
      Located examples = message.child("examples");
      if (!examples.present() || examples.node().isEmpty()) {
        ctx.findings().add(message, "message has no examples");
        continue;
      }
      URI schema = schemaUri(ctx, message.child("payload"));
      for (int i = 0; i < examples.node().size(); i++) {
        Located payload = examples.element(i).child("payload");
        if (!payload.present()) {
          ctx.findings().add(examples.element(i), "example has no payload");
        } else {
          report(ctx, payload, ctx.validation().validate(schema, payload.node()));
        }
      }
    }
  }

  private static void report(CheckContext ctx, Located example, List<String> messages) {
    messages.forEach(m -> ctx.findings().add(example, "example does not match its schema: " + m));
  }

  /** The URI of a schema node, its JSON pointer percent-encoded as a URI fragment (RFC 6901 §6). */
  public static URI schemaUri(CheckContext ctx, Located schema) {
    URI file = ctx.documents().uri(schema.file());
    try {
      return new URI(file.getScheme(), file.getSchemeSpecificPart(), schema.pointer());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Cannot address " + schema.pointer() + " in " + file, e);
    }
  }
}
