package dev.towerline.server.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.server.testing.ContractOperations;

/**
 * Follows {@code $ref}s of the bundled openapi.yaml: local ones ({@code #/components/...}) and the
 * shared schema files ({@code ./schemas/device-state.json}), read from the same classpath contract
 * the server and the contract-testkit use.
 */
final class SpecSchemas {
  private static final String ROOT = "towerline/contract/";

  private final JsonNode openApi;

  SpecSchemas(JsonNode openApi) {
    this.openApi = openApi;
  }

  JsonNode openApi() {
    return openApi;
  }

  /** {@code node}, or what its {@code $ref} chain points to. */
  JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    JsonNode document = openApi;
    for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
      String ref = current.path("$ref").asText();
      int hash = ref.indexOf('#');
      String file = hash >= 0 ? ref.substring(0, hash) : ref;
      String pointer = hash >= 0 ? ref.substring(hash + 1) : "";
      if (!file.isEmpty()) {
        document = ContractOperations.read(ROOT + file.replaceFirst("^\\./", ""));
      }
      current = pointer.isEmpty() ? document : document.at(pointer);
    }
    return current;
  }
}
