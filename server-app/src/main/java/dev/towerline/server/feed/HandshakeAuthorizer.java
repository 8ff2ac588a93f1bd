package dev.towerline.server.feed;

/**
 * Decides whether a WebSocket handshake may open a feed, from the request's headers and query,
 * before the connection is upgraded: a refusal is answered as HTTP 401 or 403 with the error
 * envelope, and no socket opens. Called once per handshake, on a network thread: it must not block
 * for long. The hook for the security work; {@link #ALLOW_ALL} until then.
 */
@FunctionalInterface
public interface HandshakeAuthorizer {
  HandshakeAuthorizer ALLOW_ALL = handshake -> HandshakeDecision.allow();

  HandshakeDecision decide(FeedHandshake handshake);
}
