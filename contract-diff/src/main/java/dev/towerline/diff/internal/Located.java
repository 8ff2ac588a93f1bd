package dev.towerline.diff.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** A node of a contract file together with where it sits: the file and its JSON pointer. */
public record Located(String file, String pointer, JsonNode node) {

  public static Located root(String file, JsonNode node) {
    return new Located(file, "", node);
  }

  public Located child(String key) {
    return new Located(file, pointer + "/" + escape(key), node.path(key));
  }

  public Located item(int index) {
    return new Located(file, pointer + "/" + index, node.path(index));
  }

  public boolean exists() {
    return !node.isMissingNode() && !node.isNull();
  }

  public Located missing() {
    return new Located(file, pointer, MissingNode.getInstance());
  }

  /** {@code schemas/device.json#/properties/serial}: what a report prints as the location. */
  public String address() {
    return file + "#" + pointer;
  }

  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
