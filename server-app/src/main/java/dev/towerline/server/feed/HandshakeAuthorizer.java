package dev.towerline.server.feed;

import java.util.List;
import java.util.Map;

/**
 * Decides whether a WebSocket handshake may open a feed; sees the request headers and query. The
 * hook for the security work: {@link #ALLOW_ALL} until then.
 */
@FunctionalInterface
public interface HandshakeAuthorizer {
  HandshakeAuthorizer ALLOW_ALL = (feed, headers, query) -> true;

  /**
   * @param headers request headers (names as sent)
   * @param query query parameters
   */
  boolean allows(String feed, Map<String, List<String>> headers, Map<String, List<String>> query);
}
