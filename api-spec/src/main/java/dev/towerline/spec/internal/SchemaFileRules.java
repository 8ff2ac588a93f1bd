package dev.towerline.spec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Shared schema files are named and titled so that each becomes one Java type, avoid what the
 * OpenAPI 3.0 tools cannot read, are used by a document, and the error-code table is complete.
 */
final class SchemaFileRules {
  private static final Pattern FILE_NAME = Pattern.compile("^schemas/[a-z0-9]+(-[a-z0-9]+)*\\.json$");
  private static final Pattern TITLE = Pattern.compile("^[A-Z][A-Za-z0-9]*$");

  /*
   * A shared file is also an OpenAPI 3.0 Schema Object, whose dialect openapi.yaml fixes: OpenAPI
   * tools compile it as such and fail on a draft-07 meta-schema URI (Spectral's example checks).
   * MetaSchemaRules still validates every file against draft-07, so the files stay in the subset
   * both dialects read alike.
   */
  private static final String NO_SCHEMA_KEYWORD =
      "no $schema: the referencing document fixes the dialect (OpenAPI 3.0 / AsyncAPI schema)";

  private SchemaFileRules() {}

  static void check(CheckContext ctx) {
    Set<String> referenced = ctx.documents().referencedSchemaFiles();
    for (String file : ctx.documents().schemaFiles()) {
      if (!ctx.documents().exists(file)) {
        continue;
      }
      Located root = new Located(file, "", ctx.documents().read(file));
      checkNaming(ctx, root);
      checkNoTypeArrays(ctx, root);
      if (!referenced.contains(file)) {
        ctx.findings().add(root, "not referenced by openapi.yaml or asyncapi.yaml");
      }
    }
    checkErrorCodeTable(ctx);
  }

  private static void checkNaming(CheckContext ctx, Located root) {
    if (!FILE_NAME.matcher(root.file()).matches()) {
      ctx.findings().add(root, "file name must be kebab-case .json");
    }
    if (root.node().has("$schema")) {
      ctx.findings().add(root.child("$schema"), NO_SCHEMA_KEYWORD);
    }
    String title = Json.text(root.node(), "title");
    if (title == null || !TITLE.matcher(title).matches()) {
      ctx.findings().add(root, "title must be the PascalCase name of the Java type, got " + title);
    } else if (title.equals("Error")) {
      ctx.findings().add(root, "title 'Error' would shadow java.lang.Error");
    }
  }

  /** {@code "type": ["string", "null"]} breaks the OpenAPI 3.0 parser; absent fields say "may be missing". */
  private static void checkNoTypeArrays(CheckContext ctx, Located root) {
    Json.walk(
        root.node(),
        (pointer, node) -> {
          if (node.isObject() && node.path("type").isArray()) {
            ctx.findings().add(root.file(), pointer + "/type", "type arrays are not allowed; make the field optional instead");
          }
        });
  }

  private static void checkErrorCodeTable(CheckContext ctx) {
    if (!ctx.documents().exists(ErrorCodes.FILE)) {
      ctx.findings().add(ErrorCodes.FILE, "", "missing: the error codes must be defined here");
      return;
    }
    Located file = new Located(ErrorCodes.FILE, "", ctx.documents().read(ErrorCodes.FILE));
    Located table = file.child("x-error-codes");
    Set<String> codes = new HashSet<>();
    for (JsonNode code : file.node().path("enum")) {
      codes.add(code.asText());
      Located entry = table.child(code.asText());
      JsonNode status = entry.present() ? entry.node().get("http_status") : null;
      boolean statusOk = status != null && (status.isNull() || (status.isInt() && status.asInt() >= 400 && status.asInt() <= 599));
      if (!statusOk || Json.text(entry.node(), "meaning") == null) {
        ctx.findings().add(entry, code.asText() + " needs http_status (400-599, or null) and meaning");
      }
    }
    if (table.present()) {
      for (Iterator<String> it = table.node().fieldNames(); it.hasNext(); ) {
        String code = it.next();
        if (!codes.contains(code)) {
          ctx.findings().add(table.child(code), code + " is documented but not in the enum");
        }
      }
    }
  }
}
