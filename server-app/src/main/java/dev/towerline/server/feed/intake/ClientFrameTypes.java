package dev.towerline.server.feed.intake;

import dev.towerline.server.contract.ClientFrameContract;
import java.util.List;

/**
 * The frame types a client may send on a feed, as {@code asyncapi.yaml} declares them (the
 * messages of its {@code receive} operations, read by {@link ClientFrameContract}). Error frames
 * name them from here, so they cannot drift from the contract.
 */
public final class ClientFrameTypes {
  private static final class Bundled {
    static final ClientFrameTypes TYPES = new ClientFrameTypes(ClientFrameContract.bundled().types());
  }

  private final String listed;

  private ClientFrameTypes(List<String> clientTypes) {
    this.listed = String.join(", ", clientTypes);
  }

  /** The types of the contract bundled with the server. */
  public static ClientFrameTypes bundled() {
    return Bundled.TYPES;
  }

  /** The client types as a list for people, e.g. {@code ping, pong}. */
  public String listed() {
    return listed;
  }
}
