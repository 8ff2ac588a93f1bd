package dev.towerline.client.internal;

import dev.towerline.client.TowerlineException;
import java.util.List;
import java.util.Map;

/** Turns what ended a feed connection into the SDK's exception family. */
public interface FeedErrors {

  /** The server answered the handshake with an error status instead of upgrading. */
  TowerlineException refused(int status, Map<String, List<String>> headers, String body);

  /** No connection, a lost one, or a close frame: no error answer to read. */
  TowerlineException lost(String message, Throwable cause);
}
