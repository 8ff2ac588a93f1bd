package dev.towerline.spec.internal;

import dev.towerline.spec.ContractDocuments;
import java.util.ArrayList;
import java.util.List;

/** Every {@code $ref} in every file resolves to an existing file and node. */
final class ReferenceRules {
  private ReferenceRules() {}

  static void check(CheckContext ctx) {
    List<String> files = new ArrayList<>(List.of(ContractDocuments.OPENAPI, ContractDocuments.ASYNCAPI));
    ctx.documents().schemaFiles().stream()
        .filter(ctx.documents()::exists)
        .forEach(files::add);
    for (String file : files) {
      Json.walk(
          ctx.documents().read(file),
          (pointer, node) -> {
            String ref = Json.text(node, "$ref");
            if (node.isObject() && ref != null && ctx.references().target(file, ref).isEmpty()) {
              ctx.findings().add(file, pointer, "$ref '" + ref + "' does not resolve");
            }
          });
    }
  }
}
