package dev.towerline.spec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.spec.ContractDocuments;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A shape exists once: shared shapes are files under {@code schemas/}, listed in openapi.yaml's
 * components under their title (so each generator maps it onto one Java type), never copied
 * inline; WebSocket payloads are those files too.
 */
final class SharedShapeRules {
  private SharedShapeRules() {}

  static void check(CheckContext ctx) {
    Map<Set<String>, String> sharedShapes = sharedShapesByProperties(ctx);
    checkComponentsListSharedFiles(ctx);
    checkNoInlineObjectsInPaths(ctx);
    checkComponentsDoNotCopySharedShapes(ctx, sharedShapes);
    checkMessagePayloadsAreSharedFiles(ctx);
  }

  private static void checkComponentsListSharedFiles(CheckContext ctx) {
    Located components = ctx.openApi().child("components", "schemas");
    for (String file : ctx.documents().schemaFilesReachableFrom(ContractDocuments.OPENAPI)) {
      if (!ctx.documents().exists(file)) {
        continue;
      }
      String title = Json.text(ctx.documents().read(file), "title");
      String expectedRef = "./" + file;
      JsonNode entry = components.present() && title != null ? components.node().get(title) : null;
      if (entry == null || !expectedRef.equals(Json.text(entry, "$ref"))) {
        ctx.findings()
            .add(
                components,
                file
                    + " is used by openapi.yaml but not listed as components/schemas/"
                    + title
                    + ": {$ref: '"
                    + expectedRef
                    + "'}; without it the generators name it after the file and generate it twice");
      }
    }
  }

  private static void checkNoInlineObjectsInPaths(CheckContext ctx) {
    Located paths = ctx.openApi().child("paths");
    Json.walk(
        paths.node(),
        (pointer, node) -> {
          if (node.isObject() && node.has("properties") && !insideExample(pointer)) {
            ctx.findings()
                .add(
                    paths.file(),
                    paths.pointer() + pointer,
                    "inline object schema; define it under components/schemas and $ref it");
          }
        });
  }

  private static boolean insideExample(String pointer) {
    return pointer.contains("/example/") || pointer.endsWith("/example") || pointer.contains("/examples/");
  }

  private static void checkComponentsDoNotCopySharedShapes(CheckContext ctx, Map<Set<String>, String> shared) {
    Located components = ctx.openApi().child("components", "schemas");
    if (!components.present()) {
      return;
    }
    for (Iterator<String> it = components.node().fieldNames(); it.hasNext(); ) {
      String name = it.next();
      Set<String> properties = propertyNames(components.node().get(name));
      String original = shared.get(properties);
      if (!properties.isEmpty() && original != null) {
        ctx.findings()
            .add(components.child(name), "copies the shape of " + original + "; $ref that file instead");
      }
    }
  }

  private static void checkMessagePayloadsAreSharedFiles(CheckContext ctx) {
    Located messages = ctx.asyncApi().child("components", "messages");
    if (!messages.present()) {
      return;
    }
    for (Iterator<String> it = messages.node().fieldNames(); it.hasNext(); ) {
      Located payload = messages.child(it.next(), "payload");
      String ref = payload.present() ? Json.text(payload.node(), "$ref") : null;
      if (ref == null || !ref.startsWith("./" + ContractDocuments.SCHEMAS_DIR)) {
        ctx.findings().add(payload, "message payload must be a $ref to a shared file under ./schemas/");
      }
    }
  }

  private static Map<Set<String>, String> sharedShapesByProperties(CheckContext ctx) {
    Map<Set<String>, String> shapes = new HashMap<>();
    for (String file : ctx.documents().schemaFiles()) {
      if (ctx.documents().exists(file)) {
        Set<String> properties = propertyNames(ctx.documents().read(file));
        if (!properties.isEmpty()) {
          shapes.put(properties, file);
        }
      }
    }
    return shapes;
  }

  private static Set<String> propertyNames(JsonNode schema) {
    Set<String> names = new TreeSet<>();
    schema.path("properties").fieldNames().forEachRemaining(names::add);
    return names;
  }
}
