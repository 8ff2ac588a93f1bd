package dev.towerline.testkit.internal;

import java.util.Map;

/**
 * A channel of asyncapi.yaml: its key (e.g. {@code devices}), its address and the payload
 * schema of each message it carries, keyed by the message {@code name} (= the frame's {@code type}).
 */
record ChannelSpec(String key, String address, Map<String, SchemaRef> messagesByType) {

  /** How messages name it: {@code channel devices (/api/v1/ws/devices)}. */
  String label() {
    return "channel " + key + " (" + address + ")";
  }
}
