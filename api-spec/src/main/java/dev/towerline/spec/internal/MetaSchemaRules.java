package dev.towerline.spec.internal;

import java.net.URI;
import java.util.List;

/**
 * Both documents validate against the official schema of their format (vendored under {@code
 * dev/towerline/spec/meta/}), and each shared file against the JSON Schema draft-07 meta-schema.
 */
final class MetaSchemaRules {
  static final URI OPENAPI_30 = URI.create("classpath:dev/towerline/spec/meta/openapi-3.0.json");
  static final URI ASYNCAPI_300 = URI.create("classpath:dev/towerline/spec/meta/asyncapi-3.0.0.json");
  static final URI DRAFT_07 = URI.create("http://json-schema.org/draft-07/schema#");
  /** The official schemas report one failed branch per alternative; the first few say enough. */
  private static final int MAX_MESSAGES_PER_FILE = 10;

  private MetaSchemaRules() {}

  static void check(CheckContext ctx) {
    validate(ctx, ctx.openApi(), OPENAPI_30, "OpenAPI 3.0");
    validate(ctx, ctx.asyncApi(), ASYNCAPI_300, "AsyncAPI 3.0.0");
    for (String file : ctx.documents().schemaFiles()) {
      if (ctx.documents().exists(file)) {
        validate(ctx, new Located(file, "", ctx.documents().read(file)), DRAFT_07, "JSON Schema draft-07");
      }
    }
  }

  private static void validate(CheckContext ctx, Located document, URI metaSchema, String format) {
    List<String> messages = ctx.validation().validate(metaSchema, document.node());
    messages.stream()
        .limit(MAX_MESSAGES_PER_FILE)
        .forEach(m -> report(ctx, document, m, format));
  }

  private static void report(CheckContext ctx, Located document, String message, String format) {
    int colon = message.indexOf(": ");
    String pointer = message.substring(0, colon);
    ctx.findings()
        .add(
            document.file(),
            "(root)".equals(pointer) ? "" : pointer,
            "not valid " + format + ": " + message.substring(colon + 2));
  }
}
