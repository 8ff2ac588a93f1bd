package dev.towerline.spec.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** A node of a contract file together with where it is: file (relative to the base) and pointer. */
public record Located(String file, String pointer, JsonNode node) {

  public Located child(String... tokens) {
    JsonNode current = node;
    for (String token : tokens) {
      current = current == null ? null : current.get(token);
    }
    return new Located(file, Json.pointer(pointer, tokens), current);
  }

  public Located element(int index) {
    return new Located(file, pointer + "/" + index, node == null ? null : node.get(index));
  }

  public boolean present() {
    return node != null && !node.isMissingNode() && !node.isNull();
  }
}
