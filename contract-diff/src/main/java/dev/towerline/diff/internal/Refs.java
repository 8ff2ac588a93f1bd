package dev.towerline.diff.internal;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.net.URI;
import java.util.Optional;

/** Follows {@code $ref}s inside a document and into the schema files next to it. */
public final class Refs {
  private static final int MAX_HOPS = 32;
  private static final String BASE = "file:///contract/";

  private final Documents documents;

  public Refs(Documents documents) {
    this.documents = documents;
  }

  public Documents documents() {
    return documents;
  }

  /** The node {@code at} stands for: itself, or what its chain of {@code $ref}s points to (missing if dangling). */
  public Located deref(Located at) {
    Located current = at;
    for (int hop = 0; hop < MAX_HOPS && isRef(current.node()); hop++) {
      current = resolve(current, current.node().get("$ref").asText());
    }
    return current;
  }

  /** Whether the node is a reference object. */
  public static boolean isRef(JsonNode node) {
    return node != null && node.isObject() && node.path("$ref").isTextual();
  }

  Located resolve(Located from, String ref) {
    int hash = ref.indexOf('#');
    String filePart = hash < 0 ? ref : ref.substring(0, hash);
    String fragment = hash < 0 ? "" : ref.substring(hash + 1);
    String file = filePart.isEmpty() ? from.file() : relativeTo(from.file(), filePart);
    Optional<JsonNode> tree = file == null ? Optional.empty() : documents.tree(file);
    if (tree.isEmpty()) {
      return new Located(file == null ? filePart : file, fragment, MissingNode.getInstance());
    }
    JsonNode target = fragment.isEmpty() ? tree.get() : tree.get().at(pointer(fragment));
    return new Located(file, fragment, target);
  }

  private static JsonPointer pointer(String fragment) {
    try {
      return JsonPointer.compile(fragment.startsWith("/") ? fragment : "/" + fragment);
    } catch (IllegalArgumentException e) {
      return JsonPointer.compile("/$invalid-pointer");
    }
  }

  private static String relativeTo(String fromFile, String target) {
    try {
      URI resolved = URI.create(BASE).resolve(fromFile).resolve(target);
      String path = resolved.getPath();
      return resolved.getScheme() != null && resolved.getScheme().equals("file") && path.startsWith("/contract/")
          ? path.substring("/contract/".length())
          : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
