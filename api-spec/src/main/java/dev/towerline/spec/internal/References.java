package dev.towerline.spec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.spec.ContractDocuments;
import java.net.URI;
import java.util.Optional;

/** Follows {@code $ref}s inside a document and across the contract's files. */
public final class References {
  private final ContractDocuments documents;

  public References(ContractDocuments documents) {
    this.documents = documents;
  }

  /** The node itself when it is not a reference, else what its {@code $ref} chain points to. */
  public Optional<Located> resolve(Located located) {
    Located current = located;
    for (int hops = 0; hops < 16; hops++) {
      if (!current.present()) {
        return Optional.empty();
      }
      String ref = Json.text(current.node(), "$ref");
      if (ref == null) {
        return Optional.of(current);
      }
      Optional<Located> target = target(current.file(), ref);
      if (target.isEmpty()) {
        return Optional.empty();
      }
      current = target.get();
    }
    return Optional.empty();
  }

  /** Where a reference written in {@code fromFile} points, if it exists. */
  public Optional<Located> target(String fromFile, String ref) {
    int hash = ref.indexOf('#');
    String filePart = hash >= 0 ? ref.substring(0, hash) : ref;
    String pointer = hash >= 0 ? ref.substring(hash + 1) : "";
    String file = filePart.isEmpty() ? fromFile : relative(fromFile, filePart);
    if (!documents.exists(file)) {
      return Optional.empty();
    }
    JsonNode node = documents.read(file).at(pointer);
    return node.isMissingNode() ? Optional.empty() : Optional.of(new Located(file, pointer, node));
  }

  /** The file a relative reference names, relative to the contract's base. */
  public static String relative(String fromFile, String filePart) {
    int slash = fromFile.lastIndexOf('/');
    String dir = slash >= 0 ? fromFile.substring(0, slash + 1) : "";
    return URI.create(dir + filePart).normalize().getPath().replaceFirst("^\\./", "");
  }
}
