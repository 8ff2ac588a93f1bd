package dev.towerline.server.feed.intake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.spec.ContractDocuments;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The frame types a client may send on a feed, as {@code asyncapi.yaml} declares them: the
 * messages of its {@code receive} operations. Error frames name them from here, so they cannot
 * drift from the contract.
 */
public final class ClientFrameTypes {
  private static final class Bundled {
    static final ClientFrameTypes TYPES = fromAsyncApi(ContractDocuments.bundled().asyncApi());
  }

  private final String listed;

  private ClientFrameTypes(Set<String> clientTypes) {
    this.listed = String.join(", ", clientTypes);
  }

  /** The types of the contract bundled with the server. */
  public static ClientFrameTypes bundled() {
    return Bundled.TYPES;
  }

  /**
   * Reads the message names of {@code asyncApi}'s receive operations, following their {@code $ref}s.
   *
   * @throws IllegalStateException when it declares no client message at all
   */
  public static ClientFrameTypes fromAsyncApi(JsonNode asyncApi) {
    Set<String> received = new LinkedHashSet<>();
    for (JsonNode operation : asyncApi.path("operations")) {
      if ("receive".equals(operation.path("action").asText())) {
        for (JsonNode message : operation.path("messages")) {
          received.add(resolve(asyncApi, message).path("name").asText());
        }
      }
    }
    received.remove("");
    if (received.isEmpty()) {
      throw new IllegalStateException("asyncapi.yaml declares no message a client may send");
    }
    return new ClientFrameTypes(received);
  }

  /** The client types as a list for people, e.g. {@code ping, pong}. */
  public String listed() {
    return listed;
  }

  private static JsonNode resolve(JsonNode document, JsonNode node) {
    List<String> seen = new ArrayList<>();
    while (node.has("$ref")) {
      String ref = node.path("$ref").asText();
      if (!ref.startsWith("#") || seen.contains(ref)) {
        throw new IllegalStateException("asyncapi.yaml message reference cannot be followed: " + ref);
      }
      seen.add(ref);
      node = document.at(ref.substring(1));
    }
    return node;
  }
}
