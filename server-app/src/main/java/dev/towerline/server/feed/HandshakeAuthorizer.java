package dev.towerline.server.feed;

import java.util.List;

/**
 * Decides whether a WebSocket handshake may open a feed, from the request's headers and query,
 * before the connection is upgraded: a refusal is answered as HTTP 401 or 403 with the error
 * envelope, and no socket opens. Called once per handshake, on a network thread: it must not block
 * for long. Several checks (tokens, {@code Origin}) are combined with {@link #andThen} or {@link
 * #allOf}; {@link #ALLOW_ALL} when there are none.
 */
@FunctionalInterface
public interface HandshakeAuthorizer {
  HandshakeAuthorizer ALLOW_ALL = handshake -> HandshakeDecision.allow();

  HandshakeDecision decide(FeedHandshake handshake);

  /** This check, then {@code next} when this one allows: the first refusal is the answer. */
  default HandshakeAuthorizer andThen(HandshakeAuthorizer next) {
    HandshakeAuthorizer first = this;
    return handshake -> {
      HandshakeDecision decision = first.decide(handshake);
      return decision instanceof HandshakeDecision.Refuse ? decision : next.decide(handshake);
    };
  }

  /** Every check in order; the first refusal is the answer, and the handshake passes only if all allow. */
  static HandshakeAuthorizer allOf(List<HandshakeAuthorizer> checks) {
    HandshakeAuthorizer combined = ALLOW_ALL;
    for (HandshakeAuthorizer check : checks) {
      combined = combined.andThen(check);
    }
    return combined;
  }
}
